"""Disposition: Archivo proposes, the Titular approves, executing writes the acta."""

import datetime
from io import BytesIO

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from archivo import disposicion as flujo
from archivo.models import Disposicion, Registro

User = get_user_model()


def _usuario(nombre):
    return User.objects.get(username=nombre)


def _vencidos(tipo="Boletín", cuantos=2):
    """Records whose concentración period ended (boletines: historical destination)."""
    registros = list(Registro.objects.filter(tipo=tipo).order_by("pk")[:cuantos])
    Registro.objects.filter(pk__in=[r.pk for r in registros]).update(
        fin_tramite=datetime.date(2023, 1, 1),
        fin_concentracion=datetime.date(2025, 1, 1),
    )
    return list(Registro.objects.filter(pk__in=[r.pk for r in registros]))


def test_only_records_whose_period_ended_and_not_held_can_be_proposed(publicaciones):
    vencido, otro = _vencidos()
    vigente = Registro.objects.filter(tipo="Boletín").order_by("-pk").first()
    Registro.objects.filter(pk=otro.pk).update(reserva=True, reserva_motivo="Juicio")
    with pytest.raises(ValidationError, match=vigente.titulo[:20]):
        flujo.proponer("secundaria", [vencido, vigente], _usuario("archivo"), "x")
    with pytest.raises(ValidationError, match=otro.titulo[:20]):
        flujo.proponer("secundaria", [otro], _usuario("archivo"), "x")
    with pytest.raises(PermissionDenied):
        flujo.proponer("secundaria", [vencido], _usuario("editor"), "x")
    assert not Disposicion.objects.exists()


def test_the_titular_approves_and_nobody_approves_their_own_proposal(publicaciones):
    registros = _vencidos()
    propuesta = flujo.proponer(
        "secundaria", registros, _usuario("archivo"), "Dictamen 3/2026 del COTECIAD"
    )
    with pytest.raises(PermissionDenied):
        flujo.revisar(propuesta, _usuario("archivo"), aprobada=True)
    flujo.revisar(propuesta, _usuario("titular"), aprobada=True, comentario="Procede")
    assert propuesta.estado == Disposicion.APROBADA
    acciones = list(
        ModelLogEntry.objects.filter(object_id=str(propuesta.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert acciones == [
        ("archivo.proponer_disposicion", "archivo"),
        ("archivo.aprobar_disposicion", "titular"),
    ]


def test_executing_a_transfer_marks_the_records_writes_the_acta_and_records_it(
    publicaciones,
):
    registros = _vencidos()
    propuesta = flujo.proponer("secundaria", registros, _usuario("archivo"), "Dictamen")
    flujo.revisar(propuesta, _usuario("titular"), aprobada=True)
    flujo.ejecutar(propuesta, _usuario("archivo"))

    for registro in registros:
        registro.refresh_from_db()
        assert registro.estado == Registro.HISTORICO
        assert registro.ultima_accion.startswith("Transferencia secundaria")
    texto = pypdf.PdfReader(BytesIO(propuesta.acta.open("rb").read())).pages[0]
    texto = texto.extract_text()
    assert f"Acta {propuesta.numero}" in texto and "Dictamen" in texto
    acta = Registro.objects.de_objeto(propuesta).get()
    assert acta.tipo == "Acta de disposición" and acta.folio == propuesta.numero
    assert acta.serie.nombre == "Actas de transferencia y baja documental"
    (archivo,) = acta.instantaneas.get().archivos
    assert archivo["sha256"] and archivo["archivo"] == propuesta.acta.name
    assert ModelLogEntry.objects.filter(
        action="archivo.ejecutar_disposicion", object_id=str(propuesta.pk)
    ).exists()


def test_a_disposal_unpublishes_the_content_and_a_late_hold_stops_it(publicaciones):
    (registro,) = _vencidos("Campaña", 1)
    propuesta = flujo.proponer("baja", [registro], _usuario("archivo"), "Dictamen")
    flujo.revisar(propuesta, _usuario("titular"), aprobada=True)
    Registro.objects.filter(pk=registro.pk).update(reserva=True, reserva_motivo="SAI")
    with pytest.raises(ValidationError, match="en reserva"):
        flujo.ejecutar(propuesta, _usuario("archivo"))

    Registro.objects.filter(pk=registro.pk).update(reserva=False)
    flujo.ejecutar(propuesta, _usuario("archivo"))
    registro.refresh_from_db()
    assert registro.estado == Registro.BAJA
    pagina = registro.content_type.get_object_for_this_type(pk=registro.object_id)
    assert not pagina.live
    assert registro.instantaneas.exists()  # the snapshot remains the record


def test_rejected_proposals_cannot_be_executed(publicaciones):
    propuesta = flujo.proponer("secundaria", _vencidos(), _usuario("archivo"), "x")
    flujo.revisar(propuesta, _usuario("titular"), aprobada=False, comentario="Falta")
    with pytest.raises(ValidationError):
        flujo.ejecutar(propuesta, _usuario("archivo"))
    assert Registro.objects.filter(disposicion=Registro.HISTORICO).count() == 0
