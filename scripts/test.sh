#!/usr/bin/env bash
# make test: lint, Django's checks, then the suite on SQLite and, when reachable,
# on PostgreSQL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=cms.settings.test
ran=()

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== import-linter"; .venv/bin/lint-imports

echo "== manage.py check"
env -u DATABASE_URL $PY manage.py check
echo "== manage.py check --deploy (production settings)"
env -u DATABASE_URL DJANGO_SETTINGS_MODULE=cms.settings.production \
  SECRET_KEY="comprobacion-de-despliegue-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  ALLOWED_HOSTS=comunicacion.example.gob.mx \
  $PY manage.py check --deploy --fail-level WARNING

echo "== manage.py makemigrations --check"
env -u DATABASE_URL $PY manage.py makemigrations --check --dry-run

echo "== pytest on SQLite"
env -u DATABASE_URL $PY -m pytest "$@"
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
  echo "== pytest on PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" $PY -m pytest "$@"
  ran+=("PostgreSQL")
else
  echo "== PostgreSQL no está disponible en 127.0.0.1:5432: se omite esa pasada."
fi

echo
echo "Bases de datos probadas: ${ran[*]}"
