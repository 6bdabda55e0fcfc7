#!/usr/bin/env bash
# Install the Debian packages a step needs, when they are missing.
#   system-deps.sh venv   python3-venv, for machines whose python3 lacks it
#   system-deps.sh run    ffmpeg, for the video pipeline; npm, for the web font
#   system-deps.sh test   ffmpeg, chromium and npm: video, browser tests, web font
#   system-deps.sh bench  wrk and varnish, for bench/sitio.py (load and the proxy)
set -euo pipefail

needed=()
case "${1:-test}" in
  venv) needed+=(python3-venv) ;;
  run)
    command -v ffmpeg >/dev/null 2>&1 || needed+=(ffmpeg)
    command -v npm >/dev/null 2>&1 || needed+=(npm)
    ;;
  test)
    command -v ffmpeg >/dev/null 2>&1 || needed+=(ffmpeg)
    command -v npm >/dev/null 2>&1 || needed+=(npm)
    command -v chromium >/dev/null 2>&1 || needed+=(chromium)
    ;;
  bench)
    command -v wrk >/dev/null 2>&1 || needed+=(wrk)
    command -v varnishd >/dev/null 2>&1 || needed+=(varnish)
    ;;
esac
[ ${#needed[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Faltan paquetes del sistema: ${needed[*]}. Instálalos con apt-get como root." >&2
    exit 1
  fi
fi
echo "Instalando paquetes de Debian: ${needed[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
