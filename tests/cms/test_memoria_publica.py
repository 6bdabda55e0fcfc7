"""Remembered fragments and lists: a publication shows at once, previews never
use them, the archive's snapshot holds the new text, and query counts fall."""

import pytest

from archivo.models import Instantanea
from boletines.models import BoletinPage
from cms.models import VersionDelContenido
from home.models import Area, InstitucionSettings
from tests.consultas import consultas
from tests.factories import (
    AreaFactory,
    BoletinPageFactory,
    CampanaPageFactory,
    ImagenFactory,
    VideoPageFactory,
)

SLUG = "primer-lugar-robotica-torreon"
URL = f"/boletines/{SLUG}/"


@pytest.fixture
def sitio(institucion_compartida):
    """Two live boletines with photos and áreas, a campaign and a video."""
    foto = ImagenFactory()
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        slug=SLUG,
        title="Estudiantes del plantel Torreón ganan el primer lugar en el Concurso "
        "Estatal de Robótica",
        area=institucion_compartida.areas["plantel-torreon"],
        fotos=[foto],
        publicada=True,
    )
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        title="Egresan 1,200 técnicos de la generación 2024-2027",
        area=AreaFactory(nombre="Dirección Académica", slug="academica"),
        fotos=[foto],
        publicada=True,
    )
    CampanaPageFactory(parent=institucion_compartida.campanas, publicada=True)
    VideoPageFactory(parent=institucion_compartida.videoteca, publicada=True)


def _html(client, url):
    respuesta = client.get(url)
    assert respuesta.status_code == 200
    return respuesta.content.decode()


@pytest.mark.parametrize("url", ["/", "/boletines/", URL])
def test_a_remembered_page_makes_fewer_queries_than_the_first_visit(client, sitio, url):
    primera = consultas(client, url)
    segunda = consultas(client, url)
    assert segunda < primera
    assert segunda <= 9


def test_publishing_shows_the_new_text_on_the_page_listing_and_home(client, sitio):
    for url in (URL, "/boletines/", "/"):
        _html(client, url)  # remembered
    boletin = BoletinPage.objects.get(slug=SLUG)
    ambitos = ["sitio", f"pagina:{boletin.pk}", f"seccion:{boletin.get_parent().pk}"]
    antes = VersionDelContenido.actuales(ambitos)
    boletin.title = "Título corregido del boletín de robótica"
    boletin.save_revision().publish()
    despues = VersionDelContenido.actuales(ambitos)
    # The boletín and its newsroom move; the rest of the site keeps its memory.
    assert despues["sitio"] == antes["sitio"]
    assert despues[ambitos[1]] > antes[ambitos[1]]
    assert despues[ambitos[2]] > antes[ambitos[2]]
    for url in (URL, "/boletines/", "/"):
        assert "Título corregido del boletín de robótica" in _html(client, url)


def test_unpublishing_removes_it_from_the_remembered_listing_and_count(client, sitio):
    antes = _html(client, "/boletines/")
    boletin = BoletinPage.objects.live().order_by("-fecha", "-first_published_at")[0]
    assert boletin.title in antes
    total = BoletinPage.objects.live().count()
    boletin.unpublish()
    respuesta = client.get("/boletines/")
    assert boletin.title not in respuesta.content.decode()
    assert respuesta.context["boletines"].paginator.count == total - 1


def test_a_draft_is_never_served_nor_remembered_and_previews_are_fresh(client, sitio):
    viejo = _html(client, URL)
    boletin = BoletinPage.objects.get(slug=SLUG)
    boletin.title = "Borrador que aún no se aprueba"
    revision = boletin.save_revision()
    vista_previa = revision.as_object().make_preview_request()
    assert "Borrador que aún no se aprueba" in vista_previa.content.decode()
    # The preview did not replace the remembered live page, nor the reverse.
    assert "Borrador que aún no se aprueba" not in _html(client, URL)
    assert boletin.specific_class.objects.get(pk=boletin.pk).title in viejo


def test_the_archive_snapshot_holds_the_new_text_not_the_remembered_one(client, sitio):
    _html(client, URL)
    boletin = BoletinPage.objects.get(slug=SLUG)
    boletin.sumario = "Sumario de la segunda versión, para el archivo."
    revision = boletin.save_revision()
    revision.publish()
    instantanea = Instantanea.objects.filter(revision_id=revision.pk)
    assert "Sumario de la segunda versión, para el archivo." in instantanea.get().html


def test_site_settings_and_snippets_show_at_once(client, sitio):
    _html(client, "/")
    ajustes = InstitucionSettings.objects.get()
    ajustes.telefono = "844 000 1234"
    ajustes.save()
    assert "844 000 1234" in _html(client, "/")

    _html(client, "/boletines/")
    area = Area.objects.filter(slug="academica").get()
    area.nombre = "Dirección Académica renombrada"
    area.save()
    assert "Dirección Académica renombrada" in _html(client, "/boletines/")


def test_moving_a_page_changes_the_version(sitio):
    boletin = BoletinPage.objects.get(slug=SLUG)
    antes = VersionDelContenido.actual()
    boletin.move(boletin.get_parent(), pos="first-child")
    assert VersionDelContenido.actual() > antes


def test_the_version_row_is_created_when_missing(db):
    VersionDelContenido.objects.all().delete()
    assert VersionDelContenido.actual() == 0
    VersionDelContenido.avanzar()
    VersionDelContenido.avanzar()
    assert VersionDelContenido.actual() == 2
