"""The public site of the institution answers in Spanish, with fixed queries."""

import pytest

from boletines.models import BoletinFoto, BoletinIndexPage, BoletinPage
from home.models import InstitucionSettings
from tests.consultas import consultas
from tests.factories import (
    BoletinPageFactory,
    CampanaPageFactory,
    ImagenFactory,
    StandardPageFactory,
)

PAGINAS = [
    ("/", "Boletines recientes"),
    ("/boletines/", "Sala de prensa"),
    ("/boletines/primer-lugar-robotica-torreon/", "Halcones Mecatrónicos"),
    ("/campanas/", "Por una vida libre de violencia"),
    ("/campanas/vida-libre-de-violencia/", 'class="periodo"'),
    ("/videos/", "Videos"),
    ("/quienes-somos/", "Quiénes somos"),
]


@pytest.fixture
def sitio(institucion_compartida):
    """A live boletín with its photo, a campaign and «Quiénes somos»."""
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        slug="primer-lugar-robotica-torreon",
        title="Estudiantes del plantel Torreón ganan el primer lugar en el Concurso "
        "Estatal de Robótica",
        sumario="El equipo «Halcones Mecatrónicos», integrado por cinco alumnas y "
        "alumnos de quinto semestre, representará a Coahuila en la final nacional.",
        area=institucion_compartida.areas["plantel-torreon"],
        con_fotos=True,
        publicada=True,
    )
    CampanaPageFactory(
        parent=institucion_compartida.campanas,
        slug="vida-libre-de-violencia",
        title="Por una vida libre de violencia",
        publicada=True,
    )
    StandardPageFactory(
        parent=institucion_compartida.inicio,
        title="Quiénes somos",
        slug="quienes-somos",
    )


@pytest.mark.parametrize(("url", "texto"), PAGINAS)
def test_public_pages_render_in_spanish(client, sitio, url, texto):
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert '<html lang="es-MX">' in html
    assert texto in html
    assert 'href="#contenido"' in html  # skip link
    assert InstitucionSettings.objects.get().nombre in html


def test_boletin_shows_its_photos_with_alt_text_and_credit(
    client, institucion_compartida
):
    fotos = [
        ImagenFactory(
            description="Autoridades del CETEC y del clúster automotriz firman "
            f"el convenio ({n})",
            credito="Comunicación Social CETEC",
        )
        for n in range(3)
    ]
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        slug="convenio-practicas-profesionales-industria",
        fotos=fotos,
        publicada=True,
    )
    html = client.get("/boletines/convenio-practicas-profesionales-industria/")
    html = html.content.decode()
    # The lead photo, then a thumbnail of each one for the viewer.
    assert html.count('class="foto-principal"') == 1
    assert html.count("Ver foto ") == 3
    assert 'alt="Autoridades del CETEC y del clúster automotriz' in html
    assert "Foto: Comunicación Social CETEC" in html
    assert "de noviembre de" in html or " de " in html


def test_unknown_address_gives_a_spanish_404(client, institucion_compartida):
    respuesta = client.get("/no-existe/")
    assert respuesta.status_code == 404
    assert "No encontramos esta página" in respuesta.content.decode()


def test_search_finds_a_boletin(client, sitio):
    respuesta = client.get("/buscar/", {"q": "robótica"})
    assert respuesta.status_code == 200
    assert "Concurso Estatal de Robótica" in respuesta.content.decode()


def test_sitemap_lists_the_boletines(client, sitio):
    respuesta = client.get("/sitemap.xml")
    assert respuesta.status_code == 200
    assert b"/boletines/primer-lugar-robotica-torreon/" in respuesta.content


def _mas_boletines(cantidad):
    sala = BoletinIndexPage.objects.get()
    foto = BoletinFoto.objects.select_related("imagen").first().imagen
    for n in range(cantidad):
        boletin = BoletinPage(
            title=f"Boletín adicional {n}",
            slug=f"adicional-{n}",
            lugar="Saltillo, Coahuila",
            sumario="Texto del sumario.",
            cuerpo=[],
            fotos=[BoletinFoto(imagen=foto), BoletinFoto(imagen=foto)],
        )
        sala.add_child(instance=boletin)
        boletin.save_revision().publish()


@pytest.mark.parametrize("url", ["/", "/boletines/"])
def test_listing_query_count_does_not_grow_with_the_boletines(client, sitio, url):
    consultas(client, url)  # renditions are created on the first visit
    antes = consultas(client, url)
    _mas_boletines(8)
    consultas(client, url)
    assert consultas(client, url) == antes
