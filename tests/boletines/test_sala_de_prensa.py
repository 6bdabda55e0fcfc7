"""The public newsroom: 20 per page, newest first, filters that combine and share."""

from datetime import timedelta

import pytest
from django.utils import timezone

from boletines.models import BoletinPage, FiltrosBoletin
from tests.factories import AreaFactory, BoletinPageFactory

AREAS = ("direccion-general", "academica", "plantel-torreon")
TEMAS = ("informe", "ciencia", "salud")


@pytest.fixture(scope="module")
def sala_del_modulo(institucion_del_modulo):
    """Twenty-five live boletines over two years, in three áreas and three topics."""
    areas = {
        **institucion_del_modulo.areas,
        "academica": AreaFactory(nombre="Dirección Académica", slug="academica"),
    }
    hoy = timezone.localdate()
    for n in range(25):
        boletin = BoletinPageFactory(
            parent=institucion_del_modulo.sala,
            title=f"Boletín del archivo número {n}",
            fecha=hoy - timedelta(days=25 + 28 * n),
            area=areas[AREAS[n % len(AREAS)]],
        )
        boletin.tags.add(TEMAS[n % len(TEMAS)])
        boletin.save_revision().publish()
    return institucion_del_modulo.sala


@pytest.fixture
def sala_completa(sala_del_modulo, institucion_compartida):
    """The module's newsroom, inside this test's transaction."""
    return sala_del_modulo


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
    assert titulos  # the newsroom has some

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
