"""Benchmark: Lighthouse on a phone for the home page, the newsroom and a boletín.

    .venv/bin/python bench/lighthouse.py [--veces 1]

Loads the demo institution into its own SQLite database under ``var/bench/``
(never the project's), starts the development server on a free port, and runs
Lighthouse (npm ``lighthouse``, installed under ``var/bench/node`` the first time)
with the Debian Chromium in its default mobile run: a mid-range phone, 4x CPU
slowdown and simulated slow 4G. Prints, for each page, the performance and
accessibility scores, LCP, CLS, TBT and the total transfer weight, fonts included;
with ``--veces N`` the median of N runs. The JSON reports stay in
``var/bench/lighthouse/``.

The development server sends files uncompressed and the machine may be busy:
production, behind Varnish with compression, weighs less and answers sooner.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
VAR = RAIZ / "var" / "bench"
NODE = VAR / "node"
LIGHTHOUSE = NODE / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.8.2"
CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)
PAGINAS = {
    "inicio": "/",
    "sala de prensa": "/boletines/",
    "boletín": "/boletines/primer-lugar-robotica-torreon/",
    "galería": "/fotografias/",
}
LIMITE_BOLETIN = 500 * 1024


def _puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _entorno(puerto):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{VAR / 'lighthouse.sqlite3'}",
        "MEDIA_ROOT": str(VAR / "lighthouse-media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{puerto}",
        "REDIS_URL": "",
        "ELASTICSEARCH_URL": "",
        "VARNISH_URL": "",
    }


def _instalar_lighthouse():
    if LIGHTHOUSE.exists():
        return
    NODE.mkdir(parents=True, exist_ok=True)
    print(f"Instalando lighthouse@{VERSION} en {NODE} (una sola vez)…")
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NODE),
         f"lighthouse@{VERSION}"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _preparar_demo(entorno):
    python = sys.executable
    if not (VAR / "lighthouse.sqlite3").exists():
        print("Cargando la institución de demostración (migrate y setup_demo)…")
        for orden in (["migrate", "--noinput"], ["setup_demo", "--sin-historial"]):
            subprocess.run(
                [python, "manage.py", *orden], cwd=RAIZ, env=entorno, check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip


def _esperar(url, segundos=60):
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"El servidor no respondió en {url}")


def _medir(url, salida):
    subprocess.run(
        [
            str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--only-categories=performance,accessibility",
            "--output=json", f"--output-path={salida}", "--quiet",
        ],
        check=True,
    )  # fmt: skip
    informe = json.loads(salida.read_text())
    auditorias = informe["audits"]
    return {
        "rendimiento": round(informe["categories"]["performance"]["score"] * 100),
        "accesibilidad": round(informe["categories"]["accessibility"]["score"] * 100),
        "lcp": auditorias["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": auditorias["cumulative-layout-shift"]["numericValue"],
        "tbt": auditorias["total-blocking-time"]["numericValue"],
        "peso": auditorias["total-byte-weight"]["numericValue"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--veces", type=int, default=1)
    args = parser.parse_args()

    _instalar_lighthouse()
    puerto = _puerto_libre()
    entorno = _entorno(puerto)
    _preparar_demo(entorno)
    base = f"http://127.0.0.1:{puerto}"
    servidor = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{puerto}"],
        cwd=RAIZ, env=entorno, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _esperar(f"{base}/")
        for url in PAGINAS.values():  # renditions made before measuring
            urllib.request.urlopen(f"{base}{url}", timeout=60).read()
        (VAR / "lighthouse").mkdir(parents=True, exist_ok=True)
        print(f"{'página':<16}{'rend.':>6}{'acces.':>7}{'LCP s':>7}{'CLS':>7}"
              f"{'TBT ms':>8}{'peso KB':>9}")  # fmt: skip
        resultados = {}
        for nombre, url in PAGINAS.items():
            corridas = [
                _medir(f"{base}{url}", VAR / "lighthouse" / f"{nombre}-{n}.json")
                for n in range(args.veces)
            ]
            fila = {
                clave: statistics.median(c[clave] for c in corridas)
                for clave in corridas[0]
            }
            resultados[nombre] = fila
            print(
                f"{nombre:<16}{fila['rendimiento']:>6.0f}{fila['accesibilidad']:>7.0f}"
                f"{fila['lcp']:>7.2f}{fila['cls']:>7.3f}{fila['tbt']:>8.0f}"
                f"{fila['peso'] / 1024:>9.0f}"
            )
        peso = resultados["boletín"]["peso"]
        veredicto = "dentro" if peso < LIMITE_BOLETIN else "FUERA"
        print(f"Peso del boletín en el teléfono: {peso / 1024:.0f} KB ({veredicto} "
              f"del límite de {LIMITE_BOLETIN // 1024} KB)")  # fmt: skip
    finally:
        servidor.terminate()
        servidor.wait()


if __name__ == "__main__":
    main()
