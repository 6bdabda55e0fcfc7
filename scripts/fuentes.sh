#!/usr/bin/env bash
# The site's web font, self-hosted: Montserrat (SIL OFL 1.1), variable weight, latin
# subset, woff2 (38 KB), copied from the npm package @fontsource-variable/montserrat
# into cms/static/fuentes/. Run by `make install`; never served from a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=5.3.0
DESTINO=cms/static/fuentes
ARCHIVO=montserrat-latin-wght-normal.woff2
[ -s "$DESTINO/$ARCHIVO" ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
  echo "Falta npm para copiar la tipografía Montserrat; el sitio usará la del sistema." >&2
  echo "Instálalo (apt-get install npm) y vuelve a ejecutar scripts/fuentes.sh." >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@fontsource-variable/montserrat@$VERSION" >/dev/null)
tar -xzf "$tmp"/fontsource-variable-montserrat-*.tgz -C "$tmp" \
  "package/files/$ARCHIVO" package/LICENSE
mkdir -p "$DESTINO"
cp "$tmp/package/files/$ARCHIVO" "$DESTINO/$ARCHIVO"
cp "$tmp/package/LICENSE" "$DESTINO/OFL-montserrat.txt"
echo "Tipografía Montserrat $VERSION copiada en $DESTINO/"
