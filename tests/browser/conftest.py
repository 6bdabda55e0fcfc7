"""Debian's Chromium, driven by Playwright, against a live server with the demo."""

import os
import shutil
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect, sync_playwright

from tests import instantanea

# An approval publishes, records and distributes inside its request; with the
# SQLite and PostgreSQL passes running at once that can take longer than
# Playwright's 5 s before the next page (and its message) arrives.
expect.set_options(timeout=30_000)

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


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper, without asking for a flush after every test.

    Its own version requests ``transactional_db`` for each test that uses the
    live server, which empties the database after the test; here the demo is
    loaded once per module (``_demo_en_vivo``) and emptied at the module's end.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture(autouse=True)
def media_temporal():
    """The module's demo keeps its media folder (``_demo_en_vivo``)."""


@pytest.fixture(scope="session")
def _copias(django_db_setup, django_db_blocker, tmp_path_factory):
    """The database as migrated and, once loaded, with the demo: one per worker.

    The first browser module loads the demo and copies it (tests/instantanea.py);
    every later module puts the copy back, a fraction of a second instead of a
    ``setup_demo``. After each module the migrated copy goes back, so the tests
    that follow on this worker find the database as no test touched it.
    """
    with django_db_blocker.unblock():
        copias = {
            "medios": tmp_path_factory.mktemp("medios-en-vivo"),
            "base": instantanea.tomar("base"),
            "demo": None,
        }
    yield copias
    with django_db_blocker.unblock():
        for copia in (copias["base"], copias["demo"]):
            if copia is not None:
                instantanea.soltar(copia)


@pytest.fixture(scope="module")
def _demo_en_vivo(_copias, django_db_blocker):
    """The demo institution, committed, for every journey of one module.

    A journey commits what it does, as a visitor's browser would; the journeys of
    a module do not undo each other's steps, so each is written to work on the
    demo whatever the journeys before it published. Every module starts from the
    same freshly loaded demo, files included (no journey deletes a demo file).
    """
    medios = override_settings(MEDIA_ROOT=_copias["medios"])
    medios.enable()
    with django_db_blocker.unblock():
        if _copias["demo"] is None:
            call_command("setup_demo", "--sin-historial", stdout=StringIO())
            _copias["demo"] = instantanea.tomar("demo")
        else:
            instantanea.restaurar(_copias["demo"])
        try:
            yield
        finally:
            instantanea.restaurar(_copias["base"])
            medios.disable()


@pytest.fixture
def sitio_en_vivo(_demo_en_vivo, live_server):
    """The live server's URL, with the module's demo institution loaded."""
    return live_server.url


@pytest.fixture
def pagina(navegador):
    contexto = navegador.new_context(locale="es-MX")
    pagina = contexto.new_page()
    _seguir_autoguardados(pagina)
    yield pagina
    contexto.close()


def _es_autoguardado(peticion):
    """The edit form's autosave (a JSON POST of the form) or the create view's
    hydration that follows it (the GET that turns the form into an edit form)."""
    if "_w_hydrate_create_view" in peticion.url:
        return True
    return (
        peticion.method == "POST"
        and "/admin/" in peticion.url
        and "application/json" in (peticion.headers.get("accept") or "")
    )


def _seguir_autoguardados(pagina):
    """Keep on the page which autosaves are in flight and when the last one moved.

    ``tests.browser.test_aprobacion.esperar_autoguardado`` waits on them.
    """
    pagina.autoguardados = {"en_curso": set(), "ultimo": time.monotonic()}

    def empieza(peticion):
        if _es_autoguardado(peticion):
            pagina.autoguardados["en_curso"].add(peticion)
            pagina.autoguardados["ultimo"] = time.monotonic()

    def termina(peticion):
        if peticion in pagina.autoguardados["en_curso"]:
            pagina.autoguardados["en_curso"].discard(peticion)
            pagina.autoguardados["ultimo"] = time.monotonic()

    pagina.on("request", empieza)
    pagina.on("requestfinished", termina)
    pagina.on("requestfailed", termina)
