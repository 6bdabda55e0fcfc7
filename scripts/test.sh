#!/usr/bin/env bash
# make test: install, lint, the import contract, Django's checks, then the suite on
# SQLite and, when reachable, on PostgreSQL, two workers each (pytest-xdist). Prints
# the time of every phase at the end. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
# Bytecode is written and reused (see the Makefile): a start-up costs 2 s, not 7.
unset PYTHONDONTWRITEBYTECODE
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
  fases+=("$(printf '%-62s %4d s' "$nombre" $(($(date +%s) - inicio)))")
}

# System packages first: the web font comes from npm during the install.
fase "paquetes del sistema" scripts/system-deps.sh test
fase "instalación (venv, paquetes)" make -s install-dev
fase "ruff" sh -c '.venv/bin/ruff check . && .venv/bin/ruff format --check .'
fase "import-linter (capas)" .venv/bin/lint-imports
# Django's three checks are one process each, mostly start-up: run side by side
# they take the time of the slowest, not of the three in a row.
mkdir -p var/pruebas
comprobaciones() {
  local estado=0
  env -u DATABASE_URL $PY manage.py check >var/pruebas/check.log 2>&1 &
  local a=$!
  env -u DATABASE_URL \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    SECRET_KEY="comprobacion-de-despliegue-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    ALLOWED_HOSTS=comunicacion.example.gob.mx \
    $PY manage.py check --deploy --fail-level WARNING >var/pruebas/check-deploy.log 2>&1 &
  local b=$!
  env -u DATABASE_URL $PY manage.py makemigrations --check --dry-run \
    >var/pruebas/makemigrations.log 2>&1 &
  local c=$!
  wait $a || estado=1
  wait $b || estado=1
  wait $c || estado=1
  for log in check check-deploy makemigrations; do
    echo "-- $log"
    cat "var/pruebas/$log.log"
  done
  return $estado
}
fase "manage.py check, --deploy, makemigrations --check (a la vez)" comprobaciones

# Two workers per database on these 2-core machines (PYTEST_WORKERS to change
# it); each worker has its own database. tests/conftest.py keeps a module's tests
# on one worker and every browser journey on the same one.
#
# The SQLite and the PostgreSQL passes run at the same time. On its own a pass
# kept the two cores busy only about 60% of its time (the browser's and
# PostgreSQL's waits, subprocesses, the last module on one worker); the other
# pass fills those gaps. Each writes its own log, printed when both have ended.
WORKERS="${PYTEST_WORKERS:-2}"

pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ]; then
  pg_url="postgres://postgres@127.0.0.1:5432/cms"
  reachable=$($PY scripts/pg_reachable.py "$pg_url" && echo yes || echo no)
else
  # An explicit DATABASE_URL must work: CI sets it on purpose.
  $PY scripts/pg_reachable.py "$pg_url"
  reachable=yes
fi

pasada() {
  # pasada log command...: one pytest pass in the background; its time and exit
  # status land beside its log.
  local log="$1"
  shift
  (
    inicio=$(date +%s)
    estado=0
    "$@" >"$log" 2>&1 || estado=$?
    echo "$(($(date +%s) - inicio)) $estado" >"$log.fin"
  ) &
}

inicio_pruebas=$(date +%s)
echo "== pytest en SQLite y, si está disponible, en PostgreSQL, a la vez"
pasada var/pruebas/sqlite.log \
  env -u DATABASE_URL $PY -m pytest -n "$WORKERS" "$@"
nombres=("SQLite")
if [ "$reachable" = yes ]; then
  pasada var/pruebas/postgresql.log \
    env DATABASE_URL="$pg_url" $PY -m pytest -n "$WORKERS" "$@"
  nombres+=("PostgreSQL")
else
  echo "== PostgreSQL no está disponible en 127.0.0.1:5432: se omite esa pasada."
fi
wait

fallo=0
for nombre in "${nombres[@]}"; do
  log="var/pruebas/$(echo "$nombre" | tr '[:upper:]' '[:lower:]').log"
  read -r segundos estado <"$log.fin"
  echo
  echo "== pytest en $nombre (salida completa en $log)"
  cat "$log"
  fases+=("$(printf '%-62s %4d s' "pytest en $nombre (a la vez)" "$segundos")")
  if [ "$estado" != 0 ]; then
    fallo=1
  else
    ran+=("$nombre")
  fi
done
fases+=("$(printf '%-62s %4d s' "pytest, ambas pasadas" $(($(date +%s) - inicio_pruebas)))")

echo
echo "Bases de datos probadas: ${ran[*]}"
echo "Tiempo por fase:"
printf '  %s\n' "${fases[@]}"
printf '  %-62s %4d s\n' "total" $(($(date +%s) - inicio_total))
exit "$fallo"
