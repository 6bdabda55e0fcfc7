"""The Content-Security-Policy blocks nothing of the site's own, in Chromium."""

import pytest
from playwright.sync_api import expect

from ..contenido import publicar_video_con_subtitulos
from .test_accesibilidad import PAGINAS
from .test_aprobacion import entrar

pytestmark = pytest.mark.browser

# Runs before any page script: every violation the browser reports is kept.
ESCUCHA = """
window.__violaciones = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.__violaciones.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


def _recorrer(pagina, sitio, urls):
    """Each URL's CSP violations and console errors, by URL."""
    errores = []
    pagina.on(
        "console",
        lambda mensaje: mensaje.type == "error" and errores.append(mensaje.text),
    )
    pagina.add_init_script(ESCUCHA)
    encontrados = {}
    for url in urls:
        errores.clear()
        pagina.goto(f"{sitio}{url}")
        pagina.wait_for_load_state("networkidle")
        violaciones = pagina.evaluate("window.__violaciones")
        # The 404 page logs its own status; anything else is a fault.
        ruido = [e for e in errores if "404 (Not Found)" not in e]
        if violaciones or ruido:
            encontrados[url] = violaciones + ruido
    return encontrados


def test_no_public_page_type_breaks_the_policy(pagina, sitio_en_vivo):
    publicar_video_con_subtitulos()
    respuesta = pagina.goto(f"{sitio_en_vivo}/")
    assert "script-src 'self'" in respuesta.headers["content-security-policy"]
    assert _recorrer(pagina, sitio_en_vivo, PAGINAS.values()) == {}
    # The theme reached the page through /tema.css, not an inline style.
    color = pagina.locator(".encabezado").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert color == "rgb(106, 27, 49)"  # the demo's #6a1b31


def test_the_wagtail_userbar_works_for_a_signed_in_editor(pagina, sitio_en_vivo):
    entrar(pagina, sitio_en_vivo, "editor")
    boletin = "/boletines/primer-lugar-robotica-torreon/"
    assert _recorrer(pagina, sitio_en_vivo, ["/", boletin]) == {}

    disparador = pagina.locator("wagtail-userbar #wagtail-userbar-trigger")
    expect(disparador).to_be_visible()
    disparador.click()
    expect(
        pagina.locator("wagtail-userbar").get_by_role("menuitem").first
    ).to_be_visible()
