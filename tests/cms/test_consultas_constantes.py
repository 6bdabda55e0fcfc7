"""Home, newsroom, a boletín and search make as many queries with more data."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from boletines.models import BoletinFoto, BoletinIndexPage, BoletinPage
from campanas.models import CampanaIndexPage, CampanaPage
from media_library.models import VideoIndexPage, VideoPage
from tests.consultas import consultas
from tests.factories import BoletinPageFactory

URLS = [
    "/",
    "/boletines/",
    "/boletines/?pagina=2",
    "/boletines/primer-lugar-robotica-torreon/",
    "/buscar/?q=convenio",
    "/buscar/?q=convenio&tipo=boletines&desde=2020-01-01",
]


@pytest.fixture
def sitio(institucion_compartida):
    """The boletín the test opens, with its photo and área, before the growth."""
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        slug="primer-lugar-robotica-torreon",
        area=institucion_compartida.areas["plantel-torreon"],
        con_fotos=True,
        publicada=True,
    )


def _mas_contenido(desde, cantidad):
    """Boletines with two photos each (all matching «convenio»), videos, campaigns."""
    sala = BoletinIndexPage.objects.get()
    foto = BoletinFoto.objects.select_related("imagen").first().imagen
    hoy = timezone.localdate()
    for n in range(desde, desde + cantidad):
        boletin = BoletinPage(
            title=f"Firma de convenio número {n}",
            slug=f"convenio-{n}",
            lugar="Saltillo, Coahuila",
            sumario="El convenio amplía las prácticas profesionales.",
            fecha=hoy - datetime.timedelta(days=n),
            cuerpo=[],
            fotos=[BoletinFoto(imagen=foto), BoletinFoto(imagen=foto)],
        )
        sala.add_child(instance=boletin)
        boletin.save_revision().publish()
        video = VideoPage(
            title=f"Video {n}",
            slug=f"video-{n}",
            tipo="evento",
            descripcion="Descripción.",
            archivo_maestro=ContentFile(b"x", name="m.mp4"),
        )
        VideoIndexPage.objects.get().add_child(instance=video)
        video.save_revision().publish()
        campana = CampanaPage(
            title=f"Campaña {n}",
            slug=f"campana-{n}",
            tema="t",
            objetivo="o",
            inicio=hoy,
            fin=hoy + datetime.timedelta(days=5),
        )
        CampanaIndexPage.objects.get().add_child(instance=campana)
        campana.save_revision().publish()


@pytest.mark.parametrize("url", URLS)
def test_public_page_queries_do_not_grow_with_the_data(
    client, sitio, url, django_assert_max_num_queries
):
    _mas_contenido(0, 2)
    consultas(client, url)  # renditions and caches are made on the first visit
    pocas = consultas(client, url)
    _mas_contenido(2, 25)
    consultas(client, url)
    with django_assert_max_num_queries(pocas):
        respuesta = client.get(url)
    assert respuesta.status_code == 200
