"""The dashboard puts each role's work one click away."""

import re

import pytest
from django.urls import reverse

from tests.admin import cliente

ALTAS = ["Nuevo boletín", "Nueva campaña", "Nuevo video"]


def _tablero(usuario):
    return cliente(usuario).get(reverse("wagtailadmin_home")).content.decode()


def _altas(html):
    return {
        etiqueta.strip(): url
        for url, etiqueta in re.findall(
            r'href="([^"]+)" data-alta>.*?</svg>(?:</span>)?\s*([^<]+)', html, re.S
        )
    }


@pytest.mark.parametrize("usuario", ["editor", "coordinacion", "titular"])
def test_who_may_create_finds_new_boletin_campaign_and_video_on_the_dashboard(
    institucion_compartida, usuario
):
    altas = _altas(_tablero(usuario))
    assert sorted(altas) == sorted(ALTAS)
    for url in altas.values():
        assert cliente(usuario).get(url).status_code == 200


@pytest.mark.parametrize("usuario", ["enlace", "archivo", "monitoreo"])
def test_who_may_not_create_them_gets_no_such_buttons(institucion_compartida, usuario):
    html = _tablero(usuario)
    assert not any(alta in html for alta in ALTAS)


def test_the_titular_sees_the_review_queue_first(institucion_compartida):
    html = _tablero("titular")
    assert html.index("Pendiente de tu revisión") < html.index("Nuevo boletín")


@pytest.mark.parametrize("usuario", ["monitoreo", "archivo"])
def test_who_cannot_explore_pages_gets_no_page_search_that_ends_refused(
    institucion_compartida, usuario
):
    html = _tablero(usuario)
    assert "Buscar en todas las páginas" not in html
    assert "Buscar en todas las páginas" in _tablero("editor")
