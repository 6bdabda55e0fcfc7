#!/usr/bin/env bash
# make run: migrate, load the demo, then the web server, the task worker and the
# scheduler together. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.dev}"
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

$PY manage.py migrate --noinput
$PY manage.py setup_demo

stop() {
  trap - INT TERM EXIT
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py worker &
$PY manage.py scheduler &

cat <<TXT

  Sitio público:  http://$HOST:$PORT/
  Administración: http://$HOST:$PORT/admin/   (usuarios, contraseñas y claves de
                  dos pasos arriba; código del momento: manage.py codigo_demo titular)
  Correos enviados (sin EMAIL_URL): var/correos/
  Worker de tareas y programador de publicaciones en marcha. Ctrl-C detiene todo.

TXT
$PY manage.py runserver "$HOST:$PORT"
