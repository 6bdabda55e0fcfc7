"""Every publication becomes a record with immutable snapshots of what was published."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from archivo.models import (
    AsignacionSerie,
    Instantanea,
    InstantaneaInmutable,
    Registro,
    SerieDocumental,
    sumar_anios,
)
from boletines.models import BoletinPage
from campanas.models import CampanaPage
from media_library.models import Imagen
from tests.admin import accion, cliente, crear_y_enviar, editar
from tests.factories import (
    AgendaPageFactory,
    BoletinPageFactory,
    CampanaPageFactory,
    GaleriaPageFactory,
    StandardPageFactory,
)
from tests.workflows.test_embargo import _embargado, _llega_la_hora

TITULO = "Entrega el CETEC equipo de cómputo al plantel Monclova"


def _publicar_por_flujo(titulo=TITULO, **campos):
    boletin = crear_y_enviar("editor", titulo, **campos)
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")
    return BoletinPage.objects.get(pk=boletin.pk)


def test_retention_dates_add_the_series_years_to_the_first_publication(
    institucion_compartida,
):
    BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
    registro = Registro.objects.filter(tipo="Boletín").first()
    registro.abierto = datetime.datetime(2024, 2, 29, 12, tzinfo=datetime.UTC)
    registro.calcular_plazos()
    # Boletines: 1 year in trámite, then 2 in concentración; 29 Feb becomes 28.
    assert registro.fin_tramite == datetime.date(2025, 2, 28)
    assert registro.fin_concentracion == datetime.date(2027, 2, 28)
    assert sumar_anios(datetime.date(2026, 11, 23), 3) == datetime.date(2029, 11, 23)
    assert registro.estado_en(datetime.date(2025, 2, 27)) == Registro.EN_TRAMITE
    assert registro.estado_en(datetime.date(2025, 2, 28)) == Registro.EN_CONCENTRACION
    registro.disposicion = Registro.TRANSFERIDO
    assert registro.estado_en(datetime.date(2025, 3, 1)) == Registro.TRANSFERIDO


def test_content_published_outside_the_workflow_is_already_on_record(
    institucion_compartida,
):
    """As the demo's content, published by ``setup_demo`` without the workflow."""
    boletin = BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
    CampanaPageFactory(parent=institucion_compartida.campanas, publicada=True)
    registro = Registro.objects.de_objeto(boletin).get()
    assert registro.serie.nombre == "Formato Boletín Informativo"
    assert registro.folio == boletin.folio_texto != ""
    assert registro.tipo == "Boletín"
    assert registro.instantaneas.count() == 1
    campana = CampanaPage.objects.live().first()
    assert Registro.objects.de_objeto(campana).get().serie.plazo_tramite == 3


def test_publishing_through_the_workflow_opens_a_record_with_a_snapshot(
    institucion_compartida,
):
    antes = timezone.localdate()
    boletin = _publicar_por_flujo()

    registro = Registro.objects.de_objeto(boletin).get()
    assert registro.titulo == TITULO
    assert registro.folio == boletin.folio_texto
    assert registro.responsable == "Patricia Valdés Garza"  # the Titular approved
    assert registro.abierto == boletin.first_published_at
    assert registro.fin_tramite == sumar_anios(antes, 1)
    assert registro.fin_concentracion == sumar_anios(antes, 3)
    assert registro.estado == Registro.EN_TRAMITE
    assert registro.ultima_accion == "Publicado"
    assert registro.url == f"/boletines/{boletin.slug}/"

    instantanea = registro.instantaneas.get()
    assert instantanea.revision_id == boletin.live_revision_id
    assert instantanea.contenido["title"] == TITULO
    assert instantanea.contenido["sumario"] == "Sumario del boletín de prueba."
    assert "<h1>" + TITULO + "</h1>" in instantanea.html
    assert boletin.folio_texto in instantanea.html
    assert instantanea.publicada_por == "Patricia Valdés Garza"


def test_the_snapshot_holds_the_sha256_of_each_attached_photo(institucion_compartida):
    boletin = _publicar_por_flujo()
    imagen = boletin.fotos.get().imagen
    with imagen.file.open("rb") as archivo:
        esperado = hashlib.sha256(archivo.read()).hexdigest()

    (adjunto,) = Registro.objects.de_objeto(boletin).get().instantaneas.get().archivos
    assert adjunto["modelo"] == "media_library.imagen"
    assert adjunto["id"] == str(imagen.pk)
    assert adjunto["sha256"] == esperado
    # The published photo is a record of its own, in the Fotografías series.
    foto = Registro.objects.de_objeto(imagen).get()
    assert foto.serie.nombre == "Fotografías"
    assert foto.tipo == "Fotografía"


def test_each_published_revision_adds_one_snapshot_and_keeps_the_opening_date(
    institucion_compartida,
):
    boletin = _publicar_por_flujo()
    registro = Registro.objects.de_objeto(boletin).get()
    abierto = registro.abierto

    editar("editor", boletin, accion="action-submit", sumario="Sumario corregido.")
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")

    registro.refresh_from_db()
    assert registro.abierto == abierto
    assert registro.ultima_accion == "Publicado de nuevo"
    primera, segunda = registro.instantaneas.order_by("publicada")
    assert primera.contenido["sumario"] == "Sumario del boletín de prueba."
    assert segunda.contenido["sumario"] == "Sumario corregido."
    assert "Sumario corregido." in segunda.html
    assert "Sumario corregido." not in primera.html


def test_an_embargoed_boletin_becomes_a_record_only_when_it_goes_live(
    institucion_compartida,
):
    boletin = _embargado()
    assert not Registro.objects.de_objeto(boletin).exists()

    _llega_la_hora(boletin, datetime.timedelta(seconds=30))
    call_command("scheduler", "--once", stdout=StringIO())

    registro = Registro.objects.de_objeto(boletin).get()
    instantanea = registro.instantaneas.get()
    # Rendered by the scheduler, with no request around.
    assert "Resultados del examen de admisión bajo embargo" in instantanea.html
    assert registro.responsable == ""


def test_takedown_and_corrected_republication_are_noted_on_the_record(
    institucion_compartida,
):

    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, con_fotos=True
    )
    cliente("titular").post(
        reverse("retirar_por_error", args=(boletin.pk,)),
        {"motivo": "La fecha era el 12, no el 21."},
    )
    registro = Registro.objects.de_objeto(boletin).get()
    assert registro.ultima_accion == "Retirado por error: La fecha era el 12, no el 21."
    assert registro.responsable == "Patricia Valdés Garza"

    editar("editor", boletin, accion="action-submit", sumario="Fecha corregida.")
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")

    registro.refresh_from_db()
    retiro = PageLogEntry.objects.get(action="cms.republicar_corregido").data["retiro"]
    assert registro.ultima_accion == (
        f"Republicado corregido (retiro n.º {retiro}): La fecha era el 12, no el 21."
    )
    assert registro.instantaneas.count() == 2
    assert "Fecha corregida." in registro.instantaneas.last().html


def test_unpublishing_is_noted_and_the_record_survives_deleting_the_page(
    institucion_compartida,
):
    boletin = _publicar_por_flujo()
    boletin.unpublish()
    registro = Registro.objects.de_objeto(boletin).get()
    assert registro.ultima_accion == "Despublicado"

    # Retention over and transferred to the historical archive: the page may
    # go; the record and its snapshot stay.
    Registro.objects.filter(pk=registro.pk).update(
        fin_tramite=datetime.date(2020, 1, 1),
        fin_concentracion=datetime.date(2021, 1, 1),
        disposicion=Registro.TRANSFERIDO,
    )
    BoletinPage.objects.get(pk=boletin.pk).delete()
    registro.refresh_from_db()
    assert registro.instantaneas.get().contenido["title"] == TITULO


def test_a_per_type_and_a_per_item_series_assignment_override_the_default(
    institucion_compartida,
):
    otra = SerieDocumental.objects.get(nombre="Archivo electrónico")
    tipo = ContentType.objects.get_for_model(BoletinPage)
    AsignacionSerie.objects.create(content_type=tipo, serie=otra)
    boletin = _publicar_por_flujo()
    assert Registro.objects.de_objeto(boletin).get().serie == otra

    redes = SerieDocumental.objects.get(nombre="Publicaciones en redes sociales")
    AsignacionSerie.objects.create(
        content_type=tipo, object_id=str(boletin.pk), serie=redes
    )
    editar("editor", boletin, accion="action-submit", sumario="Otra versión.")
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")
    registro = Registro.objects.de_objeto(boletin).get()
    assert registro.serie == redes
    assert registro.fin_tramite == sumar_anios(
        timezone.localtime(registro.abierto).date(), 3
    )


def test_snapshots_cannot_be_changed_or_deleted(institucion_compartida):
    BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
    instantanea = Instantanea.objects.first()
    instantanea.html = "<p>alterado</p>"
    with pytest.raises(InstantaneaInmutable):
        instantanea.save()
    with pytest.raises(InstantaneaInmutable):
        instantanea.delete()
    with pytest.raises(InstantaneaInmutable):
        Instantanea.objects.filter(pk=instantanea.pk).update(html="")
    with pytest.raises(InstantaneaInmutable):
        Instantanea.objects.filter(pk=instantanea.pk).delete()
    with pytest.raises(InstantaneaInmutable):
        Instantanea.objects.bulk_update([instantanea], ["html"])
    assert Instantanea.objects.get(pk=instantanea.pk).html != "<p>alterado</p>"


def test_unregistered_pages_leave_no_record(institucion_compartida):
    inicio = institucion_compartida.inicio
    StandardPageFactory(parent=inicio, title="Quiénes somos", slug="quienes-somos")
    AgendaPageFactory(parent=inicio)
    GaleriaPageFactory(parent=inicio)
    BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, con_fotos=True
    )
    CampanaPageFactory(parent=institucion_compartida.campanas, publicada=True)
    assert not Registro.objects.filter(tipo="").exists()
    tipos = set(Registro.objects.values_list("tipo", flat=True))
    registrados = {"Boletín", "Campaña", "Fotografía", "Documento", "Video"}
    assert tipos <= registrados | {"Evidencia de publicación"}
    # The institutional pages (home, agenda, planteles…) are not records.
    assert not Registro.objects.filter(titulo="Quiénes somos").exists()
    assert Imagen.objects.exists()


def test_a_page_that_fails_to_render_is_still_published_and_recorded(
    institucion_compartida, monkeypatch
):
    monkeypatch.setattr(BoletinPage, "template", "boletines/no_existe.html")
    boletin = _publicar_por_flujo()
    assert boletin.live
    instantanea = Registro.objects.de_objeto(boletin).get().instantaneas.get()
    assert instantanea.html.startswith("<!-- No se pudo renderizar la página:")
    assert instantanea.contenido["title"] == TITULO
