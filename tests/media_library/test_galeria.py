"""The public gallery and videoteca list only what is published or marked public."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image

from boletines.models import BoletinFoto, BoletinPage
from home.models import Area
from media_library.models import Imagen, VideoIndexPage, VideoPage
from tests.admin import accion, crear_y_enviar
from tests.factories import BoletinPageFactory, GaleriaPageFactory


@pytest.fixture(scope="module")
def galeria_del_modulo(institucion_del_modulo):
    """The public gallery page and a live boletín (still without photos)."""
    BoletinPageFactory(parent=institucion_del_modulo.sala, publicada=True)
    return GaleriaPageFactory(parent=institucion_del_modulo.inicio)


@pytest.fixture
def galeria(galeria_del_modulo, institucion_compartida):
    """The module's gallery, inside this test's transaction."""
    return galeria_del_modulo


def _imagen(titulo, **campos):
    salida = io.BytesIO()
    Image.new("RGB", (640, 480), "teal").save(salida, format="JPEG")
    imagen = Imagen(
        title=titulo,
        description=f"Descripción de {titulo}",
        credito="Fotógrafa de prueba",
        licencia="CC BY 4.0",
        **campos,
    )
    imagen.file = ImageFile(io.BytesIO(salida.getvalue()), name=f"{titulo}.jpg")
    imagen.save()
    return imagen


def _con_foto(boletin, imagen):
    boletin = BoletinPage.objects.get(pk=boletin.pk)
    boletin.fotos = [BoletinFoto(imagen=imagen, pie="")]
    return boletin


def test_the_gallery_lists_photos_of_live_pages_and_public_ones_only(client, galeria):
    publicada = _imagen("Foto publicada")
    suelta = _imagen("Foto suelta sin página")
    marcada = _imagen("Foto marcada como pública", publico=True)
    del_borrador = _imagen("Foto de un borrador")
    embargada = _imagen("Foto bajo embargo")

    vivo = BoletinPage.objects.live().first()
    vivo.fotos.add(BoletinFoto(imagen=publicada))
    vivo.save_revision().publish()
    borrador = crear_y_enviar("editor", "Boletín en borrador")
    _con_foto(borrador, del_borrador).save()
    embargo = crear_y_enviar(
        "editor", "Boletín embargado", go_live_at="2030-01-15 09:30"
    )
    _con_foto(embargo, embargada).save()
    accion("coordinacion", embargo, "approve", "")
    accion("titular", embargo, "approve", "")
    assert not BoletinPage.objects.get(pk=embargo.pk).live

    html = client.get("/fotografias/").content.decode()
    assert "Foto publicada" in html and "Foto marcada como pública" in html
    assert "Foto suelta sin página" not in html
    assert "Foto de un borrador" not in html
    assert "Foto bajo embargo" not in html
    assert "Foto: Fotógrafa de prueba" in html and "CC BY 4.0" in html
    assert f'alt="{publicada.description}"' in html
    assert suelta.pk and marcada.pk


def test_the_gallery_filters_by_area_and_year(client, galeria):
    torreon = Area.objects.get(slug="plantel-torreon")
    _imagen("Foto de Torreón 2025", publico=True, area=torreon, fecha="2025-05-04")
    _imagen("Foto de Saltillo 2026", publico=True, fecha="2026-03-01")

    por_area = client.get("/fotografias/", {"area": "plantel-torreon"}).content.decode()
    assert (
        "Foto de Torreón 2025" in por_area and "Foto de Saltillo 2026" not in por_area
    )
    por_anio = client.get("/fotografias/", {"anio": "2026"}).content.decode()
    assert (
        "Foto de Saltillo 2026" in por_anio and "Foto de Torreón 2025" not in por_anio
    )
    vacio = client.get("/fotografias/", {"anio": "1999"}).content.decode()
    assert "No hay fotografías con estos filtros" in vacio


def test_the_videoteca_lists_live_videos_filtered_by_area(
    client, institucion_compartida
):

    seccion = VideoIndexPage.objects.get()
    torreon = Area.objects.get(slug="plantel-torreon")
    for titulo, vivo, area in (
        ("Video publicado de Torreón", True, torreon),
        ("Video publicado sin área", True, None),
        ("Video en borrador", False, None),
    ):
        video = VideoPage(
            title=titulo,
            tipo="evento",
            descripcion="Descripción.",
            area=area,
            archivo_maestro=ContentFile(b"x", name="m.mp4"),
            live=vivo,
        )
        seccion.add_child(instance=video)

    html = client.get("/videos/").content.decode()
    assert "Video publicado de Torreón" in html and "Video publicado sin área" in html
    assert "Video en borrador" not in html
    filtrado = client.get("/videos/", {"area": "plantel-torreon"}).content.decode()
    assert "Video publicado de Torreón" in filtrado
    assert "Video publicado sin área" not in filtrado
    assert VideoPage.objects.count() == 3
