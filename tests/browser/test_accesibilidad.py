"""Every public page type at 1366 and 390 px: axe-core finds nothing serious, nothing
overflows sideways, no stray text comes before the header; a screenshot of each goes
to var/capturas/sitio/, or to the guide (docs/guia/capturas/sitio/) with
``CAPTURAS_GUIA=1`` (dates on the pages change every run, so a plain ``make test``
leaves the committed pictures alone). The 410, 500 and maintenance pages pass the
same checks. The phone menu, the photo viewer (keys and swipe) and the keyboard
work."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from playwright.sync_api import expect

from boletines.models import BoletinPage
from workflows.correcciones import retirar_por_error

from ..contenido import dar_version_final, publicar_video_con_subtitulos

pytestmark = pytest.mark.browser

# One address per public page type of the demo institution.
PAGINAS = {
    "inicio": "/",
    "pagina-institucional": "/quienes-somos/",
    "planteles": "/planteles/",
    "plantel": "/planteles/torreon/",
    "sala-de-prensa": "/boletines/",
    "boletin": "/boletines/primer-lugar-robotica-torreon/",
    "agenda": "/agenda/",
    "campanas": "/campanas/",
    "campana": "/campanas/vida-libre-de-violencia/",
    "videos": "/videos/",
    "video": "/videos/mensaje-de-bienvenida/",
    "galeria": "/fotografias/",
    "busqueda": "/buscar/?q=robotica",
    "busqueda-sin-resultados": "/buscar/?q=paleontologia&tipo=videos",
    "404": "/no-existe/",
}
ANCHOS = [(1366, 900), (390, 844)]  # a desktop and a phone
GRAVES = {"serious", "critical"}
GUIA = os.environ.get("CAPTURAS_GUIA")
CAPTURAS = Path(settings.BASE_DIR) / ("docs/guia" if GUIA else "var") / "capturas/sitio"

# Visible text nodes before <header> (the skip link and the userbar aside).
TEXTO_ANTES_DEL_ENCABEZADO = """() => {
  const encabezado = document.querySelector("body > header");
  if (!encabezado) return ["(no hay <header>)"];
  const recorrido = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const sueltos = [];
  while (recorrido.nextNode()) {
    const nodo = recorrido.currentNode;
    const posicion = encabezado.compareDocumentPosition(nodo);
    if (!(posicion & Node.DOCUMENT_POSITION_PRECEDING)) break;
    if (!nodo.textContent.trim()) continue;
    const padre = nodo.parentElement;
    if (padre.closest(".saltar, wagtail-userbar, script, template")) continue;
    sueltos.push(nodo.textContent.trim().slice(0, 80));
  }
  return sueltos;
}"""
DESBORDE = (
    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
)


@pytest.fixture(scope="module")
def _video_con_reproductor(_demo_en_vivo, django_db_blocker):
    with django_db_blocker.unblock():
        dar_version_final(publicar_video_con_subtitulos())


def test_every_public_page_type_looks_right_and_passes_axe_at_both_widths(
    navegador, sitio_en_vivo, _video_con_reproductor
):
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    encontrados = {}
    for ancho, alto in ANCHOS:
        contexto = navegador.new_context(
            locale="es-MX", viewport={"width": ancho, "height": alto}
        )
        pagina = contexto.new_page()
        for nombre, url in PAGINAS.items():
            estado = 404 if nombre == "404" else 200
            if problemas := _revisar(pagina, axe, sitio_en_vivo, nombre, url, estado):
                encontrados[f"{nombre} a {ancho} px"] = problemas
        contexto.close()
    assert encontrados == {}


def _revisar(pagina, axe, sitio, nombre, url, estado):
    """Visit ``url``; what is wrong with it, and its screenshot in CAPTURAS."""
    ancho = pagina.viewport_size["width"]
    respuesta = pagina.goto(f"{sitio}{url}")
    assert respuesta.status == estado, f"{nombre} a {ancho} px"
    expect(pagina.locator("html")).to_have_attribute("lang", "es-MX")
    pagina.wait_for_load_state("load")
    problemas = []
    if (sobra := pagina.evaluate(DESBORDE)) > 0:
        problemas.append(f"desborda {sobra} px a lo ancho")
    if sueltos := pagina.evaluate(TEXTO_ANTES_DEL_ENCABEZADO):
        problemas.append(f"texto antes del encabezado: {sueltos}")
    problemas += [
        f"{v['id']} ({v['impact']}): "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in axe.run(pagina).response["violations"]
        if v["impact"] in GRAVES
    ]
    # Lazy images load only when scrolled near: for the capture, all now.
    pagina.evaluate(
        "document.querySelectorAll('img[loading=lazy]')"
        ".forEach(i => { i.loading = 'eager'; })"
    )
    # evaluate() runs outside the page's CSP; a polled predicate string
    # is compiled inside it, and the CSP forbids that (PostgreSQL run).
    pagina.evaluate(
        "() => Promise.all(Array.from(document.images)"
        ".filter(i => !i.complete)"
        ".map(i => new Promise(r => { i.onload = i.onerror = r; })))"
    )
    pagina.screenshot(
        path=CAPTURAS / f"{nombre}-{ancho}.jpg", full_page=True, type="jpeg", quality=70
    )
    return problemas


def test_nothing_overflows_sideways_on_a_320_px_phone(
    navegador, sitio_en_vivo, _video_con_reproductor
):
    contexto = navegador.new_context(
        locale="es-MX", viewport={"width": 320, "height": 640}
    )
    pagina = contexto.new_page()
    desbordan = {}
    for nombre, url in PAGINAS.items():
        pagina.goto(f"{sitio_en_vivo}{url}")
        if (sobra := pagina.evaluate(DESBORDE)) > 0:
            desbordan[nombre] = sobra
    contexto.close()
    assert desbordan == {}


def test_the_phone_menu_opens_in_place_and_leads_to_the_agenda(
    navegador, sitio_en_vivo
):
    contexto = navegador.new_context(
        locale="es-MX", viewport={"width": 390, "height": 844}
    )
    pagina = contexto.new_page()
    pagina.goto(f"{sitio_en_vivo}/")
    menu = pagina.get_by_role("navigation", name="Principal")
    boton = pagina.get_by_role("button", name="Menú")
    expect(menu).to_be_hidden()
    expect(boton).to_have_attribute("aria-expanded", "false")
    boton.click()
    expect(boton).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Agenda")).to_be_visible()
    menu.get_by_role("link", name="Agenda").click()
    expect(pagina).to_have_url(f"{sitio_en_vivo}/agenda/")
    contexto.close()


def test_the_gallery_viewer_opens_a_photo_and_moves_with_the_arrow_keys(
    pagina, sitio_en_vivo
):
    pagina.goto(f"{sitio_en_vivo}/fotografias/")
    areas = pagina.locator("#f-area option").all_inner_texts()
    assert "Plantel Torreón" in areas, areas
    assert len(pagina.locator("#f-anio option").all()) > 1
    primera = pagina.locator(".galeria [data-grande]").first
    primera.click()
    visor = pagina.locator("dialog.visor")
    expect(visor).to_be_visible()
    imagen = visor.locator("img")
    antes = imagen.get_attribute("src")
    assert antes == primera.get_attribute("data-grande")
    pagina.keyboard.press("ArrowRight")
    assert imagen.get_attribute("src") != antes
    pagina.keyboard.press("Escape")
    expect(visor).to_be_hidden()
    # Back on the page, the focus is on the photo last seen: the second one.
    expect(pagina.locator(".galeria [data-grande]").nth(1)).to_be_focused()


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


def test_a_boletin_prints_without_menus_and_with_its_folio_and_address(
    pagina, sitio_en_vivo
):
    direccion = "/boletines/primer-lugar-robotica-torreon/"
    pagina.goto(f"{sitio_en_vivo}{direccion}")
    pagina.emulate_media(media="print")
    expect(pagina.get_by_role("navigation", name="Principal")).to_be_hidden()
    expect(pagina.locator("footer.pie")).to_be_hidden()
    expect(pagina.locator(".compartir")).to_be_hidden()
    impreso = pagina.locator(".impreso")
    expect(impreso).to_be_visible()
    expect(impreso).to_contain_text("Boletín ")
    expect(impreso).to_contain_text(direccion)  # the site's public address


def test_the_error_pages_410_500_and_maintenance_look_right_at_both_widths(
    navegador, sitio_en_vivo, django_db_blocker
):
    """The pages a visitor meets when something is gone or wrong, in the browser."""
    with django_db_blocker.unblock():
        boletin = (
            BoletinPage.objects.live()
            .exclude(slug="primer-lugar-robotica-torreon")
            .first()
        )
        retirar_por_error(
            boletin,
            get_user_model().objects.get(username="titular"),
            "Cifra equivocada en el segundo párrafo.",
        )
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    encontrados = {}
    errores = [
        ("410", boletin.url, 410, {}),
        ("500", "/falla-de-prueba/", 500, {"ROOT_URLCONF": "tests.browser.urls"}),
        ("mantenimiento", "/", 503, {"MANTENIMIENTO": True}),
    ]
    for ancho, alto in ANCHOS:
        contexto = navegador.new_context(
            locale="es-MX", viewport={"width": ancho, "height": alto}
        )
        pagina = contexto.new_page()
        for nombre, url, estado, ajustes in errores:
            with override_settings(**ajustes):
                problemas = _revisar(pagina, axe, sitio_en_vivo, nombre, url, estado)
            if problemas:
                encontrados[f"{nombre} a {ancho} px"] = problemas
        contexto.close()
    assert encontrados == {}


def test_a_swipe_moves_the_gallery_viewer_on_a_phone(navegador, sitio_en_vivo):
    contexto = navegador.new_context(
        locale="es-MX", viewport={"width": 390, "height": 844}, has_touch=True
    )
    pagina = contexto.new_page()
    pagina.goto(f"{sitio_en_vivo}/fotografias/")
    fotos = pagina.locator(".galeria [data-grande]")
    fotos.first.tap()
    imagen = pagina.locator("dialog.visor img")
    expect(imagen).to_have_attribute("src", fotos.nth(0).get_attribute("data-grande"))
    # A finger from right to left: the next photo; back from left to right.
    for desde, hasta, indice in [(300, 100, 1), (100, 300, 0)]:
        pagina.locator("dialog.visor").evaluate(DESLIZAR, [desde, hasta])
        expect(imagen).to_have_attribute(
            "src", fotos.nth(indice).get_attribute("data-grande")
        )
    # A short touch (a tap on the photo) moves nothing.
    pagina.locator("dialog.visor").evaluate(DESLIZAR, [200, 180])
    expect(imagen).to_have_attribute("src", fotos.nth(0).get_attribute("data-grande"))
    contexto.close()


# Real touch events, as a phone's browser sends them for a horizontal swipe.
DESLIZAR = """(visor, [desde, hasta]) => {
  const dedo = (x) =>
    new Touch({identifier: 1, target: visor, clientX: x, clientY: 400});
  visor.dispatchEvent(new TouchEvent("touchstart",
    {touches: [dedo(desde)], changedTouches: [dedo(desde)], bubbles: true}));
  visor.dispatchEvent(new TouchEvent("touchend",
    {touches: [], changedTouches: [dedo(hasta)], bubbles: true}));
}"""
