"""The query-string integer helper, and the pages that read integers through it."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from campanas.views import trimestre_de
from cms.consulta import entero
from media_library.models import VideoIndexPage
from tests.admin import cliente
from tests.factories import GaleriaPageFactory


@pytest.fixture(scope="module")
def galeria(institucion_del_modulo):
    """The photo gallery, beside the videoteca the institution already has."""
    return GaleriaPageFactory(parent=institucion_del_modulo.inicio)


def _entero(consulta, **rango):
    return entero(QueryDict(consulta), "pagina", defecto=7, **rango)


def test_a_whole_number_within_the_range_is_returned():
    assert _entero("pagina=3", minimo=1, maximo=10) == 3
    assert _entero("pagina=1", minimo=1, maximo=10) == 1
    assert _entero("pagina=10", minimo=1, maximo=10) == 10


def test_a_missing_or_empty_value_gives_the_default():
    assert _entero("") == 7
    assert _entero("otra=3") == 7
    assert _entero("pagina=") == 7


@pytest.mark.parametrize("valor", ["x", "dos", "3.5", "1e3", "3a", "%00", "--1"])
def test_an_invalid_value_gives_the_default(valor):
    assert _entero(f"pagina={valor}") == 7


def test_a_negative_value_below_the_minimum_gives_the_default():
    assert _entero("pagina=-3", minimo=1) == 7
    assert _entero("pagina=-3") == -3


def test_a_huge_value_gives_the_default_not_an_error():
    assert _entero("pagina=99999999999999999999", maximo=9999) == 7
    assert _entero("pagina=" + "9" * 5000) == 7


def test_without_a_default_a_bad_value_gives_none():
    assert entero(QueryDict("anio=x"), "anio") is None
    assert entero({}, "anio", minimo=1) is None


@pytest.mark.parametrize("anio", ["-5", "0", "10000", "99999999999999999999", "x"])
def test_a_bad_year_in_the_gallery_or_videoteca_shows_everything(
    client, institucion_compartida, galeria, anio
):
    for url in ("/fotografias/", VideoIndexPage.objects.get().url):
        respuesta = client.get(url, {"anio": anio})
        assert respuesta.status_code == 200
        assert respuesta.context["filtros"].anio is None


def test_a_bad_year_or_quarter_shows_the_current_quarter_not_half_of_each(
    institucion_compartida,
):
    hoy = timezone.localdate()
    url = reverse("cumplimiento_planteles:index")
    for consulta in (
        {"anio": "1999", "trimestre": "2"},
        {"anio": "2025", "trimestre": "5"},
        {"anio": "dos mil", "trimestre": "2"},
    ):
        respuesta = cliente("coordinacion").get(url, consulta)
        assert respuesta.status_code == 200
        periodo = (respuesta.context["anio"], respuesta.context["trimestre"])
        assert periodo == (hoy.year, trimestre_de(hoy))
    respuesta = cliente("coordinacion").get(url, {"trimestre": "2"})
    assert (respuesta.context["anio"], respuesta.context["trimestre"]) == (hoy.year, 2)
