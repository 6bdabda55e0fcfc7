# The two commands: `make run` and `make test`. Everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test install install-dev system-deps lint clean

# These machines export PYTHONDONTWRITEBYTECODE=1, and uv writes no bytecode on
# install: every Python process then compiled each module it imported, about 5 s
# of a Django start-up's 7 (pytest's workers, the checks, the tests' own
# subprocesses, the site's processes). Without it the first process writes the
# .pyc files (ignored by git) and every later one reads them: 2 s.
unexport PYTHONDONTWRITEBYTECODE

# uv installs the same pinned requirements in about half pip's time on a fresh
# machine (it downloads in parallel); pip takes over if uv cannot run.
UV_VERSION := 0.13.9
INSTALAR = UV_NATIVE_TLS=1 $(VENV)/bin/uv pip install --quiet --python $(PY)

$(PY):
	$(PYTHON) -m venv $(VENV) || (scripts/system-deps.sh venv && $(PYTHON) -m venv $(VENV))
	$(PY) -m pip install --quiet --upgrade pip uv==$(UV_VERSION)

$(VENV)/.runtime: $(PY) requirements.txt
	$(INSTALAR) -r requirements.txt || $(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(INSTALAR) -r requirements-dev.txt || $(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The web font comes from npm at install time (scripts/fuentes.sh), never a CDN.
FUENTE := cms/static/fuentes/montserrat-latin-wght-normal.woff2
$(FUENTE):
	scripts/fuentes.sh

install: $(VENV)/.runtime $(FUENTE)
install-dev: $(VENV)/.dev $(FUENTE)

system-deps:
	scripts/system-deps.sh test

run:
	scripts/system-deps.sh run
	$(MAKE) install
	scripts/run.sh

test:
	scripts/test.sh

lint: install-dev
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* var media static
