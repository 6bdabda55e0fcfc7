"""A boletín's page: shared links look right, responsive WebP photos, prev/next."""

import json
import re

from boletines.models import BoletinPage
from tests.consultas import consultas


def _html(client, slug):
    respuesta = client.get(BoletinPage.objects.get(slug=slug).url)
    assert respuesta.status_code == 200
    return respuesta.content.decode()


def test_open_graph_and_twitter_tags_describe_the_boletin(client, demo):
    html = _html(client, "primer-lugar-robotica-torreon")
    assert '<meta property="og:type" content="article">' in html
    assert 'property="og:title" content="Estudiantes del plantel Torreón' in html
    assert re.search(r'property="og:image" content="http://testserver/media/', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'name="twitter:image:alt" content="Cinco estudiantes sostienen' in html


def test_newsarticle_structured_data_is_valid_json(client, demo):
    html = _html(client, "primer-lugar-robotica-torreon")
    (bloque,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    datos = json.loads(bloque)
    assert datos["@type"] == "NewsArticle"
    assert datos["headline"].startswith("Estudiantes del plantel Torreón")
    assert datos["publisher"]["name"].startswith("Colegio de Educación Tecnológica")
    assert datos["image"][0].startswith("http://testserver/media/")


def test_photos_are_responsive_with_webp_sources(client, demo):
    html = _html(client, "convenio-practicas-profesionales-industria")
    assert html.count("<picture>") == 3
    assert 'type="image/webp"' in html
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w"', html)


def test_previous_and_next_link_the_neighbouring_boletines(client, demo):
    html = _html(client, "convenio-practicas-profesionales-industria")
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "Llega a los planteles la Jornada de Vacunación" in html  # older
    assert "Estudiantes del plantel Torreón" in html  # newer


def test_the_query_count_does_not_grow_with_the_photos(client, demo):
    from boletines.models import BoletinFoto
    from media_library.models import Imagen

    boletin = BoletinPage.objects.get(slug="primer-lugar-robotica-torreon")
    con_una = consultas(client, calentar=True, url=boletin.url)
    imagenes = Imagen.objects.exclude(credito="")[:4]
    boletin.fotos.add(*[BoletinFoto(imagen=i) for i in imagenes])
    boletin.save_revision().publish()
    assert BoletinPage.objects.get(pk=boletin.pk).fotos.count() == 5

    assert consultas(client, calentar=True, url=boletin.url) == con_una


def test_the_press_contact_and_related_boletines_show(client, demo):
    from boletines.models import BoletinRelacionado

    boletin = BoletinPage.objects.get(slug="primer-lugar-robotica-torreon")
    otro = BoletinPage.objects.get(slug="egresa-generacion-2024-2027")
    borrador = BoletinPage.objects.get(live=False)
    boletin.relacionados.add(
        BoletinRelacionado(relacionado=otro), BoletinRelacionado(relacionado=borrador)
    )
    boletin.save_revision().publish()

    html = _html(client, "primer-lugar-robotica-torreon")
    assert "Contacto de prensa" in html and "prensa@cetec.edu.mx" in html
    assert f'href="{otro.url}"' in html
    assert borrador.title not in html  # drafts are never linked
