"""The approval journey in a real browser: draft, submit, two approvals, public."""

import re

import pytest
from playwright.sync_api import expect

from cms.management.commands.setup_demo import contrasena_demo

pytestmark = pytest.mark.browser

TITULO = "Inaugura el CETEC laboratorio de energías renovables en Monclova"


def entrar(pagina, sitio, usuario):
    pagina.context.clear_cookies()
    pagina.goto(f"{sitio}/admin/login/")
    pagina.get_by_label("Nombre de usuario").fill(usuario)
    pagina.locator("#id_password").fill(contrasena_demo(usuario))
    pagina.get_by_role("button", name="Iniciar sesión").click()
    expect(pagina).to_have_title(re.compile(r"^Panel de control"))


def aprobar_desde_el_panel(pagina, sitio, usuario):
    entrar(pagina, sitio, usuario)
    fila = pagina.locator("tr.pendiente", has_text=TITULO)
    expect(fila).to_be_visible()
    fila.get_by_role("button", name="Aprobar", exact=True).click()
    expect(pagina.locator("tr.pendiente", has_text=TITULO)).to_have_count(0)


def test_editor_submits_and_coordinacion_then_titular_approve_to_publish(
    pagina, sitio_en_vivo
):
    from boletines.models import BoletinIndexPage, BoletinPage

    sala = BoletinIndexPage.objects.get()
    entrar(pagina, sitio_en_vivo, "editor")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/add/boletines/boletinpage/{sala.pk}/")
    pagina.locator("#id_title").fill(TITULO)
    pagina.locator("#id_lugar").fill("Monclova, Coahuila")
    pagina.locator("#id_sumario").fill(
        "El laboratorio formará técnicos en instalación de paneles solares."
    )
    pagina.locator("button.c-sf-add-button").first.click()
    pagina.get_by_text("Párrafo", exact=True).click()
    pagina.locator(".DraftEditor-root").first.click()
    pagina.keyboard.type("Con una inversión de 12 millones de pesos.")
    pagina.get_by_role("button", name="Más acciones").click()
    pagina.get_by_role("button", name="Enviar a Boletín").click()
    expect(pagina.locator(".messages")).to_contain_text("enviada")

    boletin = BoletinPage.objects.get(title=TITULO)
    assert not boletin.live

    aprobar_desde_el_panel(pagina, sitio_en_vivo, "coordinacion")
    assert not BoletinPage.objects.get(pk=boletin.pk).live
    aprobar_desde_el_panel(pagina, sitio_en_vivo, "titular")

    boletin = BoletinPage.objects.get(pk=boletin.pk)
    assert boletin.live
    pagina.context.clear_cookies()
    pagina.goto(f"{sitio_en_vivo}{boletin.url}")
    expect(pagina.get_by_role("heading", level=1)).to_have_text(TITULO)
