"""A boletín, campaign or video title: several lines, a counter, a clear limit."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from boletines.models import BoletinIndexPage, BoletinPage
from cms.administracion.tablero import altas_para
from tests.admin import cliente, datos_boletin

DEMASIADO_LARGO = ("Inaugura el plantel Torreón su laboratorio " * 7).strip()  # 300


def _formularios_de_alta():
    return dict(altas_para(get_user_model().objects.get(username="editor")))


@pytest.mark.parametrize("alta", ["Nuevo boletín", "Nueva campaña", "Nuevo video"])
def test_the_title_is_a_textarea_with_a_counter_and_nothing_cuts_it(
    institucion_compartida, alta
):
    html = cliente("editor").get(_formularios_de_alta()[alta]).content.decode()

    campo = re.search(r"<textarea[^>]*name=\"title\"[^>]*>", html)
    assert campo, "el título no es de varias líneas"
    assert "maxlength" not in campo.group(0)  # the browser would cut silently
    assert 'data-contador-max="255"' in campo.group(0)
    assert re.search(r'data-contador-de="id_title"[^>]*>\s*0 de 255 caracteres', html)
    assert "/static/cms/contador.js" in html


def test_a_title_past_the_limit_is_refused_with_how_long_it_is(
    institucion_compartida,
):
    assert len(DEMASIADO_LARGO) > 255
    sala = BoletinIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    datos = datos_boletin("Título provisional")
    datos["title"] = DEMASIADO_LARGO

    respuesta = cliente("editor").post(url, datos)  # a draft: no rule is deferred

    assert respuesta.status_code == 200
    assert (
        f"El título tiene {len(DEMASIADO_LARGO)} caracteres y el máximo es 255: "
        "acórtalo para que quepa completo." in respuesta.content.decode()
    )
    assert not BoletinPage.objects.filter(slug="titulo-provisional").exists()


def test_a_title_written_on_several_lines_is_saved_on_one(institucion_compartida):
    sala = BoletinIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    datos = datos_boletin("Entrega el CETEC becas")
    datos["title"] = "Entrega el CETEC becas\r\na 300 estudiantes  de Saltillo"

    assert cliente("editor").post(url, datos).status_code == 302
    assert BoletinPage.objects.get(slug="entrega-el-cetec-becas").title == (
        "Entrega el CETEC becas a 300 estudiantes de Saltillo"
    )
