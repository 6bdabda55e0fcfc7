"""The demo institution loaded once for a whole module, files included."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.conftest import con_archivo_privado_en
from tests.transacciones import transaccion_del_modulo


@pytest.fixture(scope="module")
def demo_del_modulo(django_db_setup, django_db_blocker, tmp_path_factory):
    """``setup_demo --sin-historial`` once per module, rolled back at its end.

    As ``institucion_del_modulo``: each test is a savepoint inside the module's
    transaction. The demo writes photos and PDFs, so the module keeps one media
    folder (``media_temporal`` below stands down for its tests).
    """
    medios = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("medios-demo"),
        STORAGES=con_archivo_privado_en(
            settings.STORAGES, tmp_path_factory.mktemp("archivo-demo")
        ),
    )
    medios.enable()
    try:
        with django_db_blocker.unblock(), transaccion_del_modulo():
            call_command("setup_demo", "--sin-historial", stdout=StringIO())
            yield
    finally:
        medios.disable()


@pytest.fixture
def demo_compartida(demo_del_modulo, db):
    """The module's demo, inside this test's own transaction."""


@pytest.fixture(autouse=True)
def media_temporal(request):
    """The module's demo keeps its media folder; other tests get their own."""
    if "demo_compartida" in request.fixturenames:
        return
    ajustes, carpeta = (
        request.getfixturevalue("settings"),
        request.getfixturevalue("tmp_path"),
    )
    ajustes.MEDIA_ROOT = carpeta / "media"
    ajustes.STORAGES = con_archivo_privado_en(ajustes.STORAGES, carpeta / "archivo")
