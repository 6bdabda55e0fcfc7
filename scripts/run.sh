#!/usr/bin/env bash
# make run: migrate, load the demo, then the web server, the task worker and the
# scheduler together; the users table and the addresses are printed last, once all
# three answer. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-cms.settings.dev}"
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# The links in e-mails (workflow notices, distribution) point where the server runs.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}"
mkdir -p var

$PY manage.py migrate --noinput
$PY manage.py setup_demo > var/usuarios-demo.txt

stop() {
  trap - INT TERM EXIT
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

$PY manage.py worker &
$PY manage.py scheduler &
$PY manage.py runserver "$HOST:$PORT" &

# Wait until the server answers, so nothing it prints comes after the table.
for _ in $(seq 120); do
  (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null && break
  sleep 0.5
done
sleep 1

cat var/usuarios-demo.txt
cat <<TXT

  Sitio público:  http://$HOST:$PORT/
  Administración: http://$HOST:$PORT/admin/   (usuarios, contraseñas y claves de
                  dos pasos arriba; código del momento: manage.py codigo_demo titular)
  Correos enviados (sin EMAIL_URL): var/correos/
  Worker de tareas y programador de publicaciones en marcha (LOG_LEVEL=INFO
  muestra una línea por tarea). Ctrl-C detiene todo.

TXT
wait
