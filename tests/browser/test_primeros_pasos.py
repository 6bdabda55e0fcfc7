"""The first journeys, in a real browser: the editor's login and the public home."""

import re

import pytest
from playwright.sync_api import expect

from demo.management.commands.setup_demo import contrasena_demo

pytestmark = pytest.mark.browser


def test_editor_logs_into_the_admin_and_sees_the_spanish_dashboard(
    pagina, sitio_en_vivo
):
    pagina.goto(f"{sitio_en_vivo}/admin/")
    expect(pagina.get_by_role("button", name="Iniciar sesión")).to_be_visible()
    pagina.get_by_label("Nombre de usuario").fill("editor")
    # Wagtail leaves this one label untranslated ("Password"), so by its id.
    pagina.locator("#id_password").fill(contrasena_demo("editor"))
    pagina.get_by_role("button", name="Iniciar sesión").click()

    expect(pagina).to_have_url(f"{sitio_en_vivo}/admin/")
    expect(pagina.locator("html")).to_have_attribute("lang", "es-mx")
    expect(pagina).to_have_title(re.compile(r"^Panel de control"))
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("CETEC")
    expect(pagina.get_by_role("button", name="Páginas")).to_be_visible()


def test_public_home_shows_the_latest_boletines(pagina, sitio_en_vivo):
    pagina.goto(f"{sitio_en_vivo}/")

    expect(pagina.locator("html")).to_have_attribute("lang", "es-MX")
    expect(pagina.get_by_role("heading", name="Boletines recientes")).to_be_visible()
    expect(
        pagina.get_by_role("link", name="Egresan 1,200 técnicos de la generación")
    ).to_be_visible()
    pagina.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Sala de prensa"
    ).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Sala de prensa")
