"""Informes → Indicadores in a browser: the Titular opens the year, every chart
and table is there, axe-core finds nothing serious or critical, and a click on a
figure lists its rows. The screenshot goes to var/capturas/admin/, or to the
guide (docs/guia/capturas/admin/) with ``CAPTURAS_GUIA=1``."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from cms.indicadores import registrados

from .test_aprobacion import entrar

pytestmark = pytest.mark.browser

GRAVES = {"serious", "critical"}
GUIA = os.environ.get("CAPTURAS_GUIA")
CAPTURAS = Path(settings.BASE_DIR) / ("docs/guia" if GUIA else "var") / "capturas/admin"


def test_the_dashboard_shows_each_indicator_passes_axe_and_clicks_through(
    pagina, sitio_en_vivo
):
    pagina.set_viewport_size({"width": 1366, "height": 900})
    entrar(pagina, sitio_en_vivo, "titular")
    pagina.get_by_role("button", name="Informes").click()
    pagina.get_by_role("link", name="Indicadores", exact=True).click()
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Indicadores")
    pagina.locator("#i-tipo").select_option("anio")
    pagina.get_by_role("button", name="Ver", exact=True).click()
    for indicador in registrados():
        seccion = pagina.locator(f"#indicador-{indicador.slug}")
        expect(seccion.locator("svg[role=img]")).to_be_visible()
        expect(seccion.locator("table caption")).to_be_visible()
        expect(seccion).to_contain_text(str(indicador.definicion)[:40])

    graves = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in Axe().run(pagina).response["violations"]
        if v["impact"] in GRAVES
    ]
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=CAPTURAS / "indicadores.png", full_page=True)
    assert graves == []

    # The boletines' figure leads to the boletines behind it.
    boletines = pagina.locator("#indicador-boletines")
    boletines.get_by_role("link", name="Ver las filas").click()
    expect(pagina.locator("table.listing")).to_contain_text("Boletín")
    expect(pagina.locator("table.listing tbody tr").first).to_be_visible()
