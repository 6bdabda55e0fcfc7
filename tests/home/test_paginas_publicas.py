"""The public site of the demo institution answers in Spanish, with fixed queries."""

import pytest

from boletines.models import BoletinFoto, BoletinIndexPage, BoletinPage
from tests.consultas import consultas

PAGINAS = [
    ("/", "Boletines recientes"),
    ("/boletines/", "Sala de prensa"),
    ("/boletines/primer-lugar-robotica-torreon/", "Halcones Mecatrónicos"),
    ("/campanas/", "Por una vida libre de violencia"),
    ("/campanas/vida-libre-de-violencia/", "Objetivo"),
    ("/videos/", "Videos"),
    ("/quienes-somos/", "Quiénes somos"),
]


@pytest.mark.parametrize(("url", "texto"), PAGINAS)
def test_public_pages_render_in_spanish(client, demo, url, texto):
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert '<html lang="es-MX">' in html
    assert texto in html
    assert 'href="#contenido"' in html  # skip link
    assert "Colegio de Educación Tecnológica del Estado de Coahuila" in html


def test_boletin_shows_its_photos_with_alt_text_and_credit(client, demo):
    html = client.get("/boletines/convenio-practicas-profesionales-industria/")
    html = html.content.decode()
    assert html.count("<figure>") == 3
    assert 'alt="Autoridades del CETEC y del clúster automotriz' in html
    assert "Foto: Comunicación Social CETEC" in html
    assert "de noviembre de" in html or " de " in html


def test_unknown_address_gives_a_spanish_404(client, demo):
    respuesta = client.get("/no-existe/")
    assert respuesta.status_code == 404
    assert "No encontramos esta página" in respuesta.content.decode()


def test_search_finds_a_boletin(client, demo):
    respuesta = client.get("/buscar/", {"q": "robótica"})
    assert respuesta.status_code == 200
    assert "Concurso Estatal de Robótica" in respuesta.content.decode()


def test_sitemap_lists_the_boletines(client, demo):
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
def test_listing_query_count_does_not_grow_with_the_boletines(client, demo, url):
    consultas(client, url)  # renditions are created on the first visit
    antes = consultas(client, url)
    _mas_boletines(8)
    consultas(client, url)
    assert consultas(client, url) == antes
