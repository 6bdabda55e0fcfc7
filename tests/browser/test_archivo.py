"""The archivist in a real browser: filter records, export XLSX, download a BagIt."""

import re
import zipfile
from io import BytesIO

import bagit
import openpyxl
import pytest
from playwright.sync_api import expect

from .test_aprobacion import entrar

pytestmark = pytest.mark.browser


def test_archivist_filters_exports_xlsx_and_downloads_a_transfer_package(
    pagina, sitio_en_vivo, tmp_path
):
    from archivo.models import Registro

    boletines = Registro.objects.filter(tipo="Boletín")
    assert boletines.exists() and Registro.objects.exclude(tipo="Boletín").exists()

    entrar(pagina, sitio_en_vivo, "archivo")
    pagina.goto(f"{sitio_en_vivo}/admin/archivo/registro/")
    pagina.get_by_role("link", name="Boletín", exact=True).first.click()
    expect(pagina).to_have_url(re.compile(r"tipo="))
    filas = pagina.locator("table.listing tbody tr")
    expect(filas).to_have_count(boletines.count())

    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="XLSX").click()
    assert descarga.value.suggested_filename.endswith(".xlsx")
    with open(descarga.value.path(), "rb") as archivo:
        libro = openpyxl.load_workbook(BytesIO(archivo.read()))
    valores = list(libro.active.values)
    assert len(valores) - 1 == boletines.count()
    tipos = {fila[valores[0].index("Tipo")] for fila in valores[1:]}
    assert tipos == {"Boletín"}

    pagina.get_by_role("link", name="Paquete de transferencia…").click()
    pagina.get_by_label("Formato").select_option("bagit")
    pagina.get_by_role("button", name="Preparar exportación").click()
    expect(pagina.locator(".messages")).to_contain_text("Se está preparando")
    pagina.reload()
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar").first.click()
    destino = tmp_path / "paquete"
    with open(descarga.value.path(), "rb") as archivo:
        zipfile.ZipFile(BytesIO(archivo.read())).extractall(destino)
    (declaracion,) = destino.rglob("bagit.txt")
    bolsa = bagit.Bag(str(declaracion.parent))
    bolsa.validate()
    assert len([p for p in bolsa.payload_files() if p.endswith(".json")]) >= (
        boletines.count()
    )
