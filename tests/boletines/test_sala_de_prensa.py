"""The public newsroom: 20 per page, newest first, filters that combine and share."""

from io import StringIO

import pytest
from django.core.management import call_command

from boletines.models import BoletinPage, FiltrosBoletin


@pytest.fixture
def sala_completa(db):
    call_command("setup_demo", stdout=StringIO())


def _titulos(client, **filtros):
    respuesta = client.get("/boletines/", filtros)
    assert respuesta.status_code == 200
    return [b.title for b in respuesta.context["boletines"]], respuesta


def test_the_newsroom_shows_twenty_per_page_newest_first(client, sala_completa):
    titulos, respuesta = _titulos(client)
    assert len(titulos) == 20
    esperados = list(
        BoletinPage.objects.live().order_by("-fecha", "-first_published_at", "-pk")
    )
    assert titulos == [b.title for b in esperados[:20]]
    segunda, _ = _titulos(client, pagina=2)
    assert segunda == [b.title for b in esperados[20:40]]


def test_filters_combine_and_pagination_keeps_them_in_the_url(client, sala_completa):
    # A year that has boletines of that área, whatever today's date.
    anio = (
        BoletinPage.objects.live()
        .filter(area__slug="academica")
        .order_by("fecha")
        .first()
        .fecha.year
    )
    titulos, respuesta = _titulos(client, anio=anio, area="academica")
    esperados = BoletinPage.objects.live().filter(
        fecha__year=anio, area__slug="academica"
    )
    assert sorted(titulos) == sorted(b.title for b in esperados)
    assert titulos  # the demo has some

    por_tema = list(client.get("/boletines/", {"tag": "ciencia"}).context["boletines"])
    assert por_tema and all("ciencia" in b.tags.names() for b in por_tema)


def test_a_shared_filtered_page_two_link_keeps_the_filters(client, sala_completa):
    _, respuesta = _titulos(client, anio="", mes="", tag="", area="", utm="correo")
    html = respuesta.content.decode()
    # Empty filters and stray parameters are not carried into the links: the
    # listing is remembered per filter set, for every visitor.
    assert 'href="?pagina=2"' in html
    assert "utm" not in html
    filtros = FiltrosBoletin({"anio": "2026", "tag": "ciencia", "mes": "x"})
    assert filtros.consulta(3) == "?anio=2026&tag=ciencia&pagina=3"


def test_bad_filter_values_are_ignored_not_errors(client, sala_completa):
    titulos, _ = _titulos(client, anio="dos mil", mes="13", pagina="x")
    assert len(titulos) == 20


def test_no_results_says_so_in_spanish(client, sala_completa):
    titulos, respuesta = _titulos(client, anio=1999)
    assert titulos == []
    assert "No hay boletines publicados con estos filtros" in respuesta.content.decode()
