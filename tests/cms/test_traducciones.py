"""The project's es-MX catalogue: complete, compiled, and winning over Wagtail's."""

import gettext
from io import StringIO

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from cms import traducciones

pytestmark = pytest.mark.django_db


def test_no_wagtail_or_axes_text_is_left_untranslated():
    salida = StringIO()
    call_command("traducciones", stdout=salida)
    assert salida.getvalue().splitlines()[-1] == "0 textos sin traducir."


def test_the_script_lists_what_wagtail_and_axes_leave_in_english():
    # Plain «es» is what Wagtail and django-axes ship; the project's is es_MX.
    salida = StringIO()
    call_command("traducciones", idioma="es", stdout=salida)
    lineas = salida.getvalue().splitlines()
    assert "wagtail.admin django: 'Autosave is paused'" in lineas
    assert "wagtail.admin djangojs: 'Search options…'" in lineas
    assert "axes django: 'Failed Logins'" in lineas
    assert int(lineas[-1].split()[0]) > 300


def test_the_project_catalogue_wins_over_wagtails_spanish():
    with translation.override("es-mx"):
        # Wagtail's Spanish says «marquilla».
        assert translation.gettext("slug") == "dirección de la página"
        assert translation.gettext("Sign in to Wagtail") == (
            "Iniciar sesión en la administración"
        )
        assert translation.gettext("Layout") == "Vista"


def test_the_javascript_catalogue_of_the_editor_is_in_spanish(client):
    respuesta = client.get(reverse("wagtailadmin_javascript_catalog"))
    texto = respuesta.content.decode()
    assert "Guardando autom\\u00e1ticamente\\u2026" in texto or (
        "Guardando automáticamente…" in texto
    )


@pytest.mark.parametrize("dominio", traducciones.DOMINIOS)
def test_the_committed_mo_files_are_compiled_from_the_po_files(dominio, tmp_path):
    po = traducciones.CATALOGO / f"{dominio}.po"
    nuevo = tmp_path / f"{dominio}.mo"
    polib.pofile(str(po)).save_as_mofile(str(nuevo))
    with open(nuevo, "rb") as f:
        esperado = gettext.GNUTranslations(f)._catalog
    with open(po.with_suffix(".mo"), "rb") as f:
        guardado = gettext.GNUTranslations(f)._catalog
    assert guardado == esperado
