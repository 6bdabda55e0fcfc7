"""Roles without page rights never read the titles of drafts or embargoed pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.admin import cliente
from tests.factories import BoletinPageFactory

BORRADOR = "Nombramiento aún sin anunciar"
EMBARGADO = "Resultados bajo embargo atrasado"
PUBLICO = "Boletín ya publicado"
SIN_DERECHOS = ["archivo", "monitoreo", "enlace"]


@pytest.fixture
def paginas(institucion_compartida):
    sala = institucion_compartida.sala
    BoletinPageFactory(parent=sala, title=PUBLICO, publicada=True)
    BoletinPageFactory(parent=sala, title=BORRADOR, live=False)
    embargado = BoletinPageFactory(parent=sala, title=EMBARGADO, live=False)
    revision = embargado.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=10)
    revision.save(update_fields=["approved_go_live_at"])
    return {"sala": sala, "borrador": embargado}


def _html(respuesta):
    """The chooser answers its modal as JSON ({"html": …}); search results as HTML."""
    assert respuesta.status_code == 200
    if respuesta["Content-Type"].startswith("application/json"):
        return respuesta.json()["html"]
    return respuesta.content.decode()


def _elegir(usuario, sala):
    url = reverse("wagtailadmin_choose_page_child", args=(sala.pk,))
    return _html(cliente(usuario).get(url))


@pytest.mark.parametrize("usuario", SIN_DERECHOS)
def test_the_page_chooser_hides_drafts_from_roles_without_page_rights(paginas, usuario):
    html = _elegir(usuario, paginas["sala"])
    assert PUBLICO in html
    assert BORRADOR not in html and EMBARGADO not in html


@pytest.mark.parametrize("usuario", SIN_DERECHOS)
def test_the_page_chooser_search_hides_drafts_too(paginas, usuario):
    url = reverse("wagtailadmin_choose_page_search")
    for palabra in ("anunciar", "embargo", "publicado"):
        html = _html(cliente(usuario).get(url, {"q": palabra}))
        assert BORRADOR not in html and EMBARGADO not in html
    assert PUBLICO in _html(cliente(usuario).get(url, {"q": "publicado"}))


def test_browsing_into_a_draft_is_refused_to_roles_without_page_rights(paginas):
    url = reverse("wagtailadmin_choose_page_child", args=(paginas["borrador"].pk,))
    assert cliente("archivo").get(url).status_code == 404
    assert cliente("editor").get(url).status_code == 200


def test_editors_still_choose_drafts(paginas):
    html = _elegir("editor", paginas["sala"])
    assert BORRADOR in html and EMBARGADO in html


@pytest.mark.parametrize("usuario", SIN_DERECHOS)
def test_the_overdue_panel_shows_no_embargoed_title_without_page_rights(
    paginas, usuario
):
    html = cliente(usuario).get(reverse("wagtailadmin_home")).content.decode()
    assert EMBARGADO not in html
    assert "Publicaciones programadas atrasadas" not in html


def test_the_overdue_panel_still_warns_the_editors(paginas):
    html = cliente("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert "Publicaciones programadas atrasadas" in html and EMBARGADO in html
