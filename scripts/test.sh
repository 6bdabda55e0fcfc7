#!/usr/bin/env bash
# make test: install, lint, the import contract, Django's checks, then the suite on
# SQLite and, when reachable, on PostgreSQL, two workers each (pytest-xdist). Prints
# the time of every phase at the end. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.test
ran=()
fases=()
inicio_total=$(date +%s)

fase() {
  # fase "name" command...: run a phase, remember how long it took.
  local nombre="$1"
  shift
  echo "== $nombre"
  local inicio
  inicio=$(date +%s)
  "$@"
  fases+=("$(printf '%-34s %4d s' "$nombre" $(($(date +%s) - inicio)))")
}

# System packages first: the web font comes from npm during the install.
fase "paquetes del sistema" scripts/system-deps.sh test
fase "instalación (venv, paquetes)" make -s install-dev
fase "ruff" sh -c '.venv/bin/ruff check . && .venv/bin/ruff format --check .'
fase "import-linter (capas)" .venv/bin/lint-imports
fase "manage.py check" env -u DATABASE_URL $PY manage.py check
fase "manage.py check --deploy" env -u DATABASE_URL \
  DJANGO_SETTINGS_MODULE=cms.settings.production \
  SECRET_KEY="comprobacion-de-despliegue-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  ALLOWED_HOSTS=comunicacion.example.gob.mx \
  $PY manage.py check --deploy --fail-level WARNING
fase "makemigrations --check" env -u DATABASE_URL $PY manage.py makemigrations --check --dry-run

# Two workers on these 2-core machines (PYTEST_WORKERS to change it); each has its
# own database. tests/conftest.py keeps a module's tests on one worker and every
# browser journey on the same one.
WORKERS="${PYTEST_WORKERS:-2}"
fase "pytest en SQLite" env -u DATABASE_URL $PY -m pytest -n "$WORKERS" "$@"
ran+=("SQLite")

pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ]; then
  pg_url="postgres://postgres@127.0.0.1:5432/cms"
  reachable=$($PY scripts/pg_reachable.py "$pg_url" && echo yes || echo no)
else
  # An explicit DATABASE_URL must work: CI sets it on purpose.
  $PY scripts/pg_reachable.py "$pg_url"
  reachable=yes
fi

if [ "$reachable" = yes ]; then
  fase "pytest en PostgreSQL" env DATABASE_URL="$pg_url" $PY -m pytest -n "$WORKERS" "$@"
  ran+=("PostgreSQL")
else
  echo "== PostgreSQL no está disponible en 127.0.0.1:5432: se omite esa pasada."
fi

echo
echo "Bases de datos probadas: ${ran[*]}"
echo "Tiempo por fase:"
printf '  %s\n' "${fases[@]}"
printf '  %-34s %4d s\n' "total" $(($(date +%s) - inicio_total))
