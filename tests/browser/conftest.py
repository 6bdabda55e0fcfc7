"""Debian's Chromium, driven by Playwright, against a live server with the demo."""

import os
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ("/usr/bin/chromium")
)
ARGUMENTOS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def navegador():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"No se encontró Chromium en {CHROMIUM}: ejecuta scripts/system-deps.sh"
        )
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            navegador = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=ARGUMENTOS
            )
            yield navegador
            navegador.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def sitio_en_vivo(base_transaccional, live_server):
    """The live server's URL, with the demo institution loaded."""
    call_command("setup_demo", "--sin-historial", stdout=StringIO())
    return live_server.url


@pytest.fixture
def pagina(navegador):
    contexto = navegador.new_context(locale="es-MX")
    pagina = contexto.new_page()
    yield pagina
    contexto.close()
