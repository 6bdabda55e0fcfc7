"""Campaign journey in a browser: propose with posts, authorise, evidence, public."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from campanas.models import CampanaIndexPage, CampanaPage

from .test_aprobacion import entrar, enviar_a_revision, publicar_desde_el_panel

pytestmark = pytest.mark.browser

TITULO = "Semana de la prevención de adicciones"


def _fecha(pagina, selector, valor):
    """Set a date field without focusing it: Wagtail's pop-up picker would cover
    the buttons below it (an editor closes it by clicking elsewhere)."""
    pagina.locator(selector).evaluate(
        "(campo, valor) => { campo.value = valor;"
        " campo.dispatchEvent(new Event('change', {bubbles: true})); }",
        valor,
    )


def _agregar_publicacion(pagina, indice, fecha, red, texto):
    pagina.get_by_role("button", name=re.compile("Añadir Publicación")).click()
    prefijo = f"#id_publicaciones-{indice}-"
    _fecha(pagina, f"{prefijo}fecha", fecha)
    pagina.locator(f"{prefijo}red").select_option(red)
    pagina.locator(f"{prefijo}texto").fill(texto)


def test_editor_proposes_titular_authorises_editor_records_evidence(
    pagina, sitio_en_vivo
):

    hoy = timezone.localdate()
    seccion = CampanaIndexPage.objects.get()
    entrar(pagina, sitio_en_vivo, "editor")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/add/campanas/campanapage/{seccion.pk}/")
    pagina.locator("#id_title").fill(TITULO)
    pagina.locator("#id_title").press("Tab")
    expect(pagina.locator("#id_slug")).to_have_value(re.compile(r"^semana-"))
    pagina.locator("#id_tema").fill("Prevención de adicciones")
    pagina.locator("#id_objetivo").fill("Que el alumnado conozca dónde pedir ayuda.")
    _fecha(pagina, "#id_inicio", f"{hoy - datetime.timedelta(days=5):%Y-%m-%d}")
    _fecha(pagina, "#id_fin", f"{hoy + datetime.timedelta(days=20):%Y-%m-%d}")
    ayer = hoy - datetime.timedelta(days=1)
    manana = hoy + datetime.timedelta(days=1)
    _agregar_publicacion(
        pagina, 0, f"{ayer:%Y-%m-%d} 10:00", "facebook", "Habla con tu orientador."
    )
    _agregar_publicacion(
        pagina, 1, f"{manana:%Y-%m-%d} 12:00", "x", "Línea de la Vida: 800 911 2000"
    )
    enviar_a_revision(pagina)
    campana = CampanaPage.objects.get(title=TITULO)
    assert campana.publicaciones.count() == 2 and not campana.live

    publicar_desde_el_panel(
        pagina, sitio_en_vivo, TITULO, envio=None, seccion="/campanas/"
    )
    campana = CampanaPage.objects.get(pk=campana.pk)
    assert campana.live

    entrar(pagina, sitio_en_vivo, "editor")
    pagina.goto(f"{sitio_en_vivo}/admin/campanas/calendario/?mes={ayer:%Y-%m}")
    vencida = pagina.locator("a.post.vencida", has_text=TITULO[:20])
    expect(vencida).to_be_visible()
    vencida.click()
    pagina.get_by_label("Dirección de la publicación").fill(
        "https://facebook.com/CETECCoahuila/posts/777"
    )
    pagina.get_by_role("button", name="Registrar publicación").click()
    expect(pagina.locator(".messages")).to_contain_text("Registrada la publicación")
    expect(pagina.locator("a.post.vencida", has_text=TITULO[:20])).to_have_count(0)

    pagina.context.clear_cookies()
    pagina.goto(f"{sitio_en_vivo}{campana.url}")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(TITULO)
    enlace = pagina.get_by_role("link", name="Habla con tu orientador.")
    expect(enlace).to_have_attribute(
        "href", "https://facebook.com/CETECCoahuila/posts/777"
    )
    expect(pagina.get_by_text("Línea de la Vida")).to_have_count(0)
