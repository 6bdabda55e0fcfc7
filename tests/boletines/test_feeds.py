"""Newsroom feeds: valid RSS and Atom, latest 20, photo enclosures, no embargo."""

import feedparser
import pytest
from django.contrib.auth import get_user_model

from boletines.models import BoletinPage
from tests.admin import accion, crear_y_enviar
from tests.factories import BoletinPageFactory, ImagenFactory
from workflows.correcciones import retirar_por_error

TITULOS = (
    "Egresan 1,200 técnicos de la generación 2024-2027",
    "Estudiantes del plantel Torreón ganan el Concurso Estatal de Robótica",
    "Abre el CETEC el periodo de inscripciones 2027",
)


@pytest.fixture
def sala(institucion_compartida):
    """The newsroom with three live boletines, each with a photo."""
    for titulo in TITULOS:
        BoletinPageFactory(
            parent=institucion_compartida.sala,
            publicada=True,
            title=titulo,
            fotos=[ImagenFactory(file__width=800, file__height=600)],
        )
    return institucion_compartida.sala


def _leer(client, url):
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    feed = feedparser.parse(respuesta.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    ("url", "version"),
    [("/boletines/feed/", "rss20"), ("/boletines/feed/atom/", "atom10")],
)
def test_feeds_are_valid_and_list_the_live_boletines_with_their_photo(
    client, sala, url, version
):
    feed = _leer(client, url)

    assert feed.version == version
    titulos = [entrada.title for entrada in feed.entries]
    assert len(titulos) == BoletinPage.objects.live().count()
    assert any("Egresan 1,200 técnicos" in t for t in titulos)
    assert all(t.startswith("Boletín ") for t in titulos)  # the folio leads
    entrada = feed.entries[0]
    (foto,) = [e for e in entrada.enclosures if e.type == "image/jpeg"]
    assert foto.href.startswith("http://")
    assert int(foto.length) > 1000


def test_the_feed_holds_the_latest_twenty(client, sala):
    primera = BoletinPage.objects.live().first().fotos.first()
    for n in range(18):
        boletin = BoletinPage(
            title=f"Boletín de relleno {n}",
            lugar="Saltillo",
            sumario="Sumario.",
            cuerpo=[],
            fotos=[type(primera)(imagen=primera.imagen)],
        )
        sala.add_child(instance=boletin)
        boletin.save_revision().publish()

    assert len(_leer(client, "/boletines/feed/").entries) == 20


def test_embargoed_and_taken_down_boletines_never_appear(client, sala):

    embargado = crear_y_enviar(
        "editor", "Boletín embargado", go_live_at="2030-01-15 09:30"
    )
    accion("coordinacion", embargado, "approve", "")
    accion("titular", embargado, "approve", "")
    retirado = BoletinPage.objects.get(title=TITULOS[1])
    retirar_por_error(retirado, get_user_model().objects.get(username="titular"), "x")

    for url in ("/boletines/feed/", "/boletines/feed/atom/"):
        titulos = " ".join(e.title for e in _leer(client, url).entries)
        assert "Boletín embargado" not in titulos
        assert "Robótica" not in titulos
