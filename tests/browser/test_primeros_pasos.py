"""The first journeys, in a real browser: the editor's login, the public home, and
every role's way to its guide."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from demo.management.commands.setup_demo import USUARIOS, contrasena_demo
from tests.admin import entrar as entrar_en_admin

pytestmark = pytest.mark.browser

GUIA = os.environ.get("CAPTURAS_GUIA")
PANELES = (
    Path(settings.BASE_DIR) / ("docs/guia" if GUIA else "var") / "capturas/paneles"
)


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


def test_every_demo_role_finds_its_guide_and_its_dashboard_is_in_the_guide(
    pagina, sitio_en_vivo
):
    """Each role's dashboard, with «Guía: <rol>» under «Ayuda»; its screenshot goes
    to the guide (docs/guia/capturas/paneles/<rol>.png with ``CAPTURAS_GUIA=1``,
    else var/capturas/paneles/: the dates on a dashboard change every run, so a
    plain ``make test`` leaves the committed ones alone).

    Signed in with a session made on the server (second step included), as
    ``tests.admin.entrar`` does: the login form is the journeys' subject elsewhere.
    """
    PANELES.mkdir(parents=True, exist_ok=True)
    pagina.set_viewport_size({"width": 1366, "height": 1200})
    for usuario, *_datos, rol in USUARIOS:
        _con_sesion(pagina, sitio_en_vivo, usuario)
        pagina.goto(f"{sitio_en_vivo}/admin/")
        expect(pagina).to_have_title(re.compile(r"^Panel de control"))
        expect(pagina.locator(".w-dashboard")).to_be_visible()
        pagina.screenshot(path=PANELES / f"{usuario}.png", full_page=True)
        pagina.get_by_role("button", name="Ayuda").click()
        guia = pagina.get_by_role("link", name=f"Guía: {rol or 'Administración'}")
        expect(guia).to_be_visible()
    guia.click()  # the last one's page shows its screenshot, served by the admin
    captura = pagina.locator("article img").first
    expect(captura).to_have_attribute("src", re.compile(r"/admin/guia/capturas/"))
    assert captura.evaluate("i => i.complete && i.naturalWidth") > 0


def _con_sesion(pagina, sitio, usuario):
    cliente = entrar_en_admin(Client(), get_user_model().objects.get(username=usuario))
    pagina.context.clear_cookies()
    pagina.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": cliente.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": sitio,
            }
        ]
    )
