"""Every public page type passes axe-core in Chromium; the keyboard reaches it all."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ..contenido import publicar_video_con_subtitulos

pytestmark = pytest.mark.browser

# One address per public page type of the demo institution.
PAGINAS = {
    "inicio": "/",
    "página institucional": "/quienes-somos/",
    "sala de prensa": "/boletines/",
    "boletín": "/boletines/primer-lugar-robotica-torreon/",
    "agenda": "/agenda/",
    "campañas": "/campanas/",
    "campaña": "/campanas/vida-libre-de-violencia/",
    "videos": "/videos/",
    "video": "/videos/mensaje-de-bienvenida/",
    "galería": "/fotografias/",
    "búsqueda": "/buscar/?q=robotica",
    "búsqueda sin resultados": "/buscar/?q=paleontologia&tipo=videos",
    "404": "/no-existe/",
}
GRAVES = {"serious", "critical"}


def test_every_public_page_type_has_no_serious_axe_violations(pagina, sitio_en_vivo):
    publicar_video_con_subtitulos()
    axe = Axe()
    encontradas = {}
    for nombre, url in PAGINAS.items():
        respuesta = pagina.goto(f"{sitio_en_vivo}{url}")
        assert respuesta.status == (404 if nombre == "404" else 200), url
        expect(pagina.locator("html")).to_have_attribute("lang", "es-MX")
        violaciones = [
            f"{v['id']} ({v['impact']}): "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in axe.run(pagina).response["violations"]
            if v["impact"] in GRAVES
        ]
        if violaciones:
            encontradas[nombre] = violaciones
    assert encontradas == {}


def test_the_keyboard_reaches_a_visible_skip_link_and_a_visible_focus(
    pagina, sitio_en_vivo
):
    pagina.goto(f"{sitio_en_vivo}/boletines/")
    pagina.keyboard.press("Tab")
    saltar = pagina.get_by_role("link", name="Saltar al contenido")
    expect(saltar).to_be_focused()
    caja = saltar.bounding_box()
    assert caja and caja["x"] >= 0 and caja["y"] >= 0  # on screen when focused
    assert saltar.evaluate("e => getComputedStyle(e).outlineStyle") != "none"

    pagina.keyboard.press("Enter")
    expect(pagina.locator("main#contenido")).to_be_focused()
    pagina.keyboard.press("Tab")
    enfocado = pagina.evaluate_handle("document.activeElement")
    assert enfocado.evaluate("e => e.closest('main') !== null")
    assert enfocado.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
