"""A boletín draft in a real browser: saved without photos, finished later."""

import re

import pytest
from playwright.sync_api import expect

from boletines.models import BoletinPage
from demo.management.commands.setup_demo import contrasena_demo

from .test_aprobacion import enviar_a_revision, esperar_autoguardado

pytestmark = pytest.mark.browser

TITULO = "Recibe el plantel Saltillo equipo para su laboratorio de química"


def test_editor_saves_a_draft_without_photos_comes_back_adds_them_and_submits(
    pagina, sitio_en_vivo
):
    pagina.goto(f"{sitio_en_vivo}/admin/login/")
    pagina.get_by_label("Nombre de usuario").fill("editor")
    pagina.get_by_label("Contraseña").fill(contrasena_demo("editor"))
    pagina.get_by_role("button", name="Iniciar sesión").click()
    pagina.get_by_role("link", name="Nuevo boletín").click()

    pagina.locator("#id_title").fill(TITULO)
    pagina.locator("#id_title").press("Tab")
    expect(pagina.locator("#id_slug")).to_have_value(re.compile(r"^recibe-"))
    pagina.locator("button.c-sf-add-button").first.click()
    pagina.get_by_text("Párrafo", exact=True).click()
    pagina.locator(".DraftEditor-root").first.click()
    pagina.keyboard.type("Con microscopios y material de laboratorio.")
    expect(pagina.locator(".DraftEditor-root").first).to_contain_text("microscopios")
    # Draftail writes the paragraph into its hidden input a moment later.
    expect(pagina.locator('input[name="cuerpo-0-value"]')).to_have_value(
        re.compile("microscopios")
    )
    pagina.locator("#id_lugar").fill("Saltillo, Coahuila")
    pagina.locator("#id_sumario").fill("El equipo llega antes del semestre.")
    # Autosave may have created the page already; saving then updates it.
    esperar_autoguardado(pagina)
    pagina.get_by_role("button", name="Guardar borrador").click()
    expect(pagina.locator(".messages")).to_contain_text(
        re.compile(r"creada|actualizada")
    )
    lista = pagina.locator("[data-pendientes]")
    expect(lista).to_contain_text("Un boletín lleva de 1 a 5 fotografías")
    borrador = BoletinPage.objects.get(title=TITULO)
    assert not borrador.live
    guardado = borrador.get_latest_revision().as_object()
    assert "microscopios" in str(guardado.cuerpo)

    pagina.goto(f"{sitio_en_vivo}/admin/")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/{borrador.pk}/edit/")
    expect(pagina.locator("#id_title")).to_have_value(TITULO)
    pagina.get_by_role("button", name=re.compile("Añadir Fotografía")).click()
    pagina.get_by_role("button", name="Seleccionar una imagen").first.click()
    pagina.locator(".modal").get_by_role(
        "link", name=re.compile("Equipo Halcones")
    ).first.click()
    expect(pagina.locator("#id_fotos-0-imagen-title")).to_contain_text(
        "Equipo Halcones"
    )
    enviar_a_revision(pagina)

    borrador = BoletinPage.objects.get(pk=borrador.pk)
    assert borrador.current_workflow_task.name == "Revisión de Coordinación"
    assert borrador.fotos.count() == 1

    # The title's counter (cms/contador.js) counts as one types, and says by how
    # much a headline goes over the 255 characters instead of cutting it.
    pagina.goto(f"{sitio_en_vivo}/admin/pages/{borrador.pk}/edit/")
    contador = pagina.locator("#id_title-contador")
    expect(contador).to_have_text(f"{len(TITULO)} de 255 caracteres")
    pagina.locator("#id_title").fill("Larga " * 50 + "cabeza")
    expect(contador).to_have_text(
        "306 de 255 caracteres: sobran 51, acórtalo para que quepa completo"
    )
    expect(pagina.locator("#id_title")).to_have_value(re.compile("cabeza$"))
