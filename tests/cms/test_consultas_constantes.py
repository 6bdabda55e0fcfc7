"""Home, newsroom, a boletín and search make as many queries with more data."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
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


@pytest.fixture(scope="module")
def mediciones(institucion_del_modulo, tmp_path_factory):
    """Each URL's queries with 2 items of each kind, then with 27.

    Built once for the module (publishing 81 pages per URL took a minute and a
    half): the boletín the tests open, then the growth, measuring every URL at
    each size. The photos live in a media folder of the module's own.
    """
    medios = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("medios"))
    medios.enable()
    try:
        BoletinPageFactory(
            parent=institucion_del_modulo.sala,
            slug="primer-lugar-robotica-torreon",
            area=institucion_del_modulo.areas["plantel-torreon"],
            con_fotos=True,
            publicada=True,
        )
        client = Client()
        _mas_contenido(0, 2)
        pocas = {}
        for url in URLS:
            cache.clear()
            consultas(client, url)  # renditions and caches are made on the first visit
            pocas[url] = consultas(client, url)
        _mas_contenido(2, 25)
        muchas = {}
        for url in URLS:
            cache.clear()
            consultas(client, url)
            with CaptureQueriesContext(connection) as capturadas:
                assert client.get(url).status_code == 200
            muchas[url] = [consulta["sql"] for consulta in capturadas]
        return pocas, muchas
    finally:
        medios.disable()


@pytest.mark.parametrize("url", URLS)
def test_public_page_queries_do_not_grow_with_the_data(
    mediciones, institucion_compartida, url
):
    pocas, muchas = mediciones
    assert len(muchas[url]) <= pocas[url], "\n".join(muchas[url])
