"""A boletín's page: shared links look right, responsive WebP photos, prev/next."""

import json
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from boletines.models import BoletinFoto, BoletinPage, BoletinRelacionado
from tests.consultas import consultas
from tests.factories import BoletinPageFactory, ContactoPrensaFactory, ImagenFactory


@pytest.fixture
def boletines(institucion_compartida):
    """Three live boletines days apart: the middle one with three photos."""
    hoy = timezone.localdate()
    contacto = ContactoPrensaFactory(
        nombre="Laura Mendoza Aguirre", correo="prensa@cetec.edu.mx"
    )
    foto = ImagenFactory(
        description="Cinco estudiantes sostienen el trofeo junto al robot"
    )
    return SimpleNamespace(
        vacunacion=BoletinPageFactory(
            parent=institucion_compartida.sala,
            publicada=True,
            con_fotos=True,
            title="Llega a los planteles la Jornada de Vacunación contra la Influenza",
            fecha=hoy - timedelta(days=12),
        ),
        convenio=BoletinPageFactory(
            parent=institucion_compartida.sala,
            publicada=True,
            # As large as a real photo: the srcset lists only widths it reaches.
            fotos=ImagenFactory.create_batch(3, file__width=1200, file__height=800),
            title="Firma el CETEC convenio con la industria automotriz",
            fecha=hoy - timedelta(days=8),
        ),
        robotica=BoletinPageFactory(
            parent=institucion_compartida.sala,
            publicada=True,
            fotos=[foto],
            title="Estudiantes del plantel Torreón ganan el primer lugar",
            fecha=hoy - timedelta(days=4),
            contacto=contacto,
        ),
    )


def _html(client, boletin):
    respuesta = client.get(BoletinPage.objects.get(pk=boletin.pk).url)
    assert respuesta.status_code == 200
    return respuesta.content.decode()


def test_open_graph_and_twitter_tags_describe_the_boletin(client, boletines):
    html = _html(client, boletines.robotica)
    assert '<meta property="og:type" content="article">' in html
    assert 'property="og:title" content="Estudiantes del plantel Torreón' in html
    assert re.search(r'property="og:image" content="http://testserver/media/', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'name="twitter:image:alt" content="Cinco estudiantes sostienen' in html


def test_newsarticle_structured_data_is_valid_json(client, boletines):
    html = _html(client, boletines.robotica)
    (bloque,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    datos = json.loads(bloque)
    assert datos["@type"] == "NewsArticle"
    assert datos["headline"].startswith("Estudiantes del plantel Torreón")
    assert datos["publisher"]["name"] == "Centro de Estudios Profesionales del Estado"
    assert datos["image"][0].startswith("http://testserver/media/")


def test_the_lead_photo_is_responsive_webp_and_every_photo_opens_in_the_gallery(
    client, boletines
):
    html = _html(client, boletines.convenio)
    assert re.search(r'srcset="[^"]+webp 480w, [^"]+webp 800w, [^"]+webp 1200w"', html)
    # The lead photo and one thumbnail per photo open the viewer, large.
    assert html.count("data-grande=") == 1 + 3
    assert html.count("Ver foto ") == 3


def test_previous_and_next_link_the_neighbouring_boletines(client, boletines):
    html = _html(client, boletines.convenio)
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "Llega a los planteles la Jornada de Vacunación" in html  # older
    assert "Estudiantes del plantel Torreón" in html  # newer


def test_the_query_count_does_not_grow_with_the_photos(client, boletines):

    boletin = BoletinPage.objects.get(pk=boletines.robotica.pk)
    con_una = consultas(client, calentar=True, url=boletin.url)
    imagenes = ImagenFactory.create_batch(4)
    boletin.fotos.add(*[BoletinFoto(imagen=i) for i in imagenes])
    boletin.save_revision().publish()
    assert BoletinPage.objects.get(pk=boletin.pk).fotos.count() == 5

    assert consultas(client, calentar=True, url=boletin.url) == con_una


def test_the_press_contact_and_related_boletines_show(client, boletines):

    boletin = BoletinPage.objects.get(pk=boletines.robotica.pk)
    otro = BoletinPage.objects.get(pk=boletines.vacunacion.pk)
    borrador = BoletinPageFactory(
        parent=boletines.robotica.get_parent(),
        con_fotos=True,
        title="Borrador en revisión",
    )
    boletin.relacionados.add(
        BoletinRelacionado(relacionado=otro), BoletinRelacionado(relacionado=borrador)
    )
    boletin.save_revision().publish()

    html = _html(client, boletines.robotica)
    assert "Contacto de prensa" in html and "prensa@cetec.edu.mx" in html
    assert f'href="{otro.url}"' in html
    assert borrador.title not in html  # drafts are never linked
