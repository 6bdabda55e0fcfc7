"""The four inventories, each with the records that belong in it, as XLSX and PDF."""

import datetime
from io import BytesIO, StringIO

import openpyxl
import pypdf
from django.core.management import call_command

from archivo.inventarios import inventario_pdf, inventario_xlsx, registros_de
from archivo.models import Registro, SerieDocumental
from home.models import InstitucionSettings

HOY = datetime.date(2026, 11, 23)


def _preparar():
    """One record at each point of its life, plus one under hold."""
    base = Registro.objects.filter(tipo="Boletín").order_by("pk")
    vigente, primaria, historico, hold = list(base[:4])
    baja = Registro.objects.filter(tipo="Campaña").first()
    Registro.objects.filter(pk=primaria.pk).update(
        fin_tramite=datetime.date(2026, 1, 1),
        fin_concentracion=datetime.date(2028, 1, 1),
    )
    for registro in (historico, hold, baja):
        Registro.objects.filter(pk=registro.pk).update(
            fin_tramite=datetime.date(2023, 1, 1),
            fin_concentracion=datetime.date(2025, 1, 1),
        )
    Registro.objects.filter(pk=hold.pk).update(reserva=True, reserva_motivo="Juicio")
    assert historico.serie.destino_final == SerieDocumental.HISTORICO
    assert baja.serie.destino_final == SerieDocumental.BAJA
    return vigente, primaria, historico, hold, baja


def _pks(tipo):
    return set(registros_de(tipo, hoy=HOY).values_list("pk", flat=True))


def test_each_inventory_holds_the_records_whose_period_calls_for_it(publicaciones):
    vigente, primaria, historico, hold, baja = _preparar()
    assert {vigente.pk, primaria.pk, historico.pk, hold.pk, baja.pk} <= _pks("general")
    assert _pks("primaria") == {primaria.pk}
    assert _pks("secundaria") == {historico.pk}
    assert _pks("baja") == {baja.pk}  # the held record is in none of them


def test_the_xlsx_inventory_carries_the_institution_header(publicaciones):
    _preparar()
    institucion = InstitucionSettings.objects.first()
    libro = openpyxl.load_workbook(BytesIO(inventario_xlsx("baja", institucion)))
    filas = list(libro.active.values)
    assert filas[0][0] == institucion.nombre
    assert filas[2][0] == "Inventario de baja documental"
    assert filas[5][:3] == ("No.", "Código de clasificación", "Serie")
    assert len(filas) - 6 == registros_de("baja").count() >= 1


def test_the_pdf_inventory_and_the_command(publicaciones, tmp_path):
    _, primaria, *_ = _preparar()
    institucion = InstitucionSettings.objects.first()
    texto = (
        pypdf.PdfReader(BytesIO(inventario_pdf("primaria", institucion)))
        .pages[0]
        .extract_text()
    )
    assert "Inventario de transferencia primaria" in texto
    assert institucion.nombre in texto
    assert primaria.titulo[:30] in texto.replace("\n", " ")

    destino = tmp_path / "general.pdf"
    call_command(
        "inventario",
        "general",
        "--format",
        "pdf",
        "--out",
        str(destino),
        stderr=StringIO(),
    )
    assert destino.read_bytes().startswith(b"%PDF")
