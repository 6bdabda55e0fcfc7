"""The archivist in a real browser: filter records, export XLSX, download a BagIt."""

import re
import zipfile
from io import BytesIO

import bagit
import openpyxl
import pytest
from playwright.sync_api import expect

from archivo.models import Registro

from .test_aprobacion import entrar

pytestmark = pytest.mark.browser

ANCHO = 1440  # a common laptop screen


def _filtrar(pagina, filtro, opcion):
    """Open the filters drop-down, then the filter, and pick the option."""
    pagina.locator("#filters-drilldown").get_by_role("button").first.click()
    pagina.get_by_role("button", name=filtro, exact=True).click()
    pagina.get_by_role("radio", name=opcion, exact=True).check()


# Whether an element's text draws a single line and does not overflow it.
UNA_LINEA = """e => {
    const rango = document.createRange();
    rango.selectNodeContents(e);
    const lineas = new Set([...rango.getClientRects()].map(r => Math.round(r.top)));
    return lineas.size === 1 && e.scrollWidth <= e.clientWidth;
}"""


def _se_cruzan(a, b):
    """Whether two bounding boxes overlap."""
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_the_records_workspace_renders_its_columns_uncovered_and_folios_on_one_line(
    pagina, sitio_en_vivo, tmp_path
):

    folio = Registro.objects.exclude(folio="").first().folio  # on the first page
    entrar(pagina, sitio_en_vivo, "archivo")
    pagina.set_viewport_size({"width": ANCHO, "height": 900})
    pagina.goto(f"{sitio_en_vivo}/admin/archivo/registro/")
    tabla = pagina.locator("table.listing")
    expect(tabla).to_be_visible()
    pagina.screenshot(path=tmp_path / "registros.png", full_page=True)

    # The filters sit in the header, clear of the table, and cover no column.
    filtros = pagina.locator("#filters-drilldown")
    expect(filtros).to_be_visible()
    assert not _se_cruzan(filtros.bounding_box(), tabla.bounding_box())
    encabezados = tabla.locator("thead th")
    assert encabezados.count() >= 10
    for i in range(encabezados.count()):
        th = encabezados.nth(i)
        caja = th.bounding_box()
        assert caja["width"] > 20, th.inner_text()
        assert caja["x"] + caja["width"] <= ANCHO, th.inner_text()
        # The element drawn at the heading's centre is the heading itself.
        assert th.evaluate(
            """th => {
                const r = th.getBoundingClientRect();
                const arriba = document.elementFromPoint(
                    r.left + r.width / 2, r.top + r.height / 2
                );
                return th.contains(arriba);
            }"""
        ), th.inner_text()

    # A folio is one line: its text draws a single line box and does not overflow.
    celda = tabla.locator("tbody td", has_text=folio).first
    expect(celda).to_be_visible()
    lineas, alto, interlineado, desborda = celda.evaluate(
        """td => {
            const rango = document.createRange();
            rango.selectNodeContents(td);
            const lineas = new Set(
                [...rango.getClientRects()].map(r => Math.round(r.top))
            );
            const estilo = getComputedStyle(td);
            const interlineado = parseFloat(estilo.lineHeight)
                || parseFloat(estilo.fontSize) * 1.5;
            const texto = rango.getBoundingClientRect().height;
            return [lineas.size, texto, interlineado, td.scrollWidth > td.clientWidth];
        }"""
    )
    assert lineas == 1 and not desborda, (lineas, desborda)
    assert alto <= interlineado * 1.5, (alto, interlineado)

    # Each row reads in words, not letters: the title has room, and the hold
    # button is one line of text.
    fila = tabla.locator("tbody tr").first
    assert fila.locator("td.title").bounding_box()["width"] >= 200
    reservar = fila.get_by_role("link", name=re.compile(r"^(Reservar|Quitar reserva)$"))
    expect(reservar).to_be_visible()
    assert reservar.evaluate(UNA_LINEA), reservar.inner_text()


def test_archivist_filters_exports_xlsx_and_downloads_a_transfer_package(
    pagina, sitio_en_vivo, tmp_path
):

    boletines = Registro.objects.filter(tipo="Boletín")
    assert boletines.exists() and Registro.objects.exclude(tipo="Boletín").exists()

    entrar(pagina, sitio_en_vivo, "archivo")
    pagina.goto(f"{sitio_en_vivo}/admin/archivo/registro/")
    _filtrar(pagina, "Tipo", "Boletín")
    expect(pagina).to_have_url(re.compile(r"tipo="))
    filas = pagina.locator("table.listing tbody tr")
    expect(filas).to_have_count(boletines.count())

    pagina.get_by_role("button", name="Acciones", exact=True).click()
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="Descargar XLSX").click()
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
