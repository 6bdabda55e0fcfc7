"""«Ayuda» opens this system's guide, in Spanish, one page per role (docs/guia/)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import help_menu

from cms import guia
from tests.admin import cliente

ROLES = {
    "editor": "editor",
    "enlace": "enlace",
    "coordinacion": "coordinacion",
    "titular": "titular",
    "archivo": "archivo",
    "monitoreo": "monitoreo",
    "admin": "administracion",
}


def _ayuda(usuario):
    request = RequestFactory().get("/admin/")
    request.user = usuario
    return {item.name: item.url for item in help_menu.menu_items_for_request(request)}


@pytest.mark.parametrize("usuario,pagina", ROLES.items())
def test_each_role_finds_its_own_guide_under_ayuda_and_no_english_guide(
    institucion_compartida, usuario, pagina
):
    ayuda = _ayuda(institucion_compartida.usuarios[usuario])

    assert ayuda[f"guia-{pagina}"] == reverse("guia_rol", args=(pagina,))
    assert ayuda["guia"] == reverse("guia")
    assert "editor-guide" not in ayuda
    assert not any(url.startswith("http") for url in ayuda.values())
    assert [n for n in ayuda if n.startswith("guia-")] == [f"guia-{pagina}"]


def test_every_guide_page_renders_with_its_dashboard_screenshot(
    institucion_compartida,
):
    navegador = cliente("editor")
    for pagina in guia.ROLES:
        respuesta = navegador.get(reverse("guia_rol", args=(pagina,)))

        html = respuesta.content.decode()
        assert respuesta.status_code == 200, pagina
        assert "<h1>Guía: " in html
        captura = "admin" if pagina == "administracion" else pagina
        imagen = reverse("guia_captura", args=(f"paneles/{captura}.png",))
        assert f'<img src="{imagen}"' in html
        servida = navegador.get(imagen)
        assert servida.status_code == 200
        assert b"".join(servida.streaming_content).startswith(b"\x89PNG")


def test_the_index_links_every_role_page(institucion_compartida):
    html = cliente("enlace").get(reverse("guia")).content.decode()
    for pagina in guia.ROLES:
        assert f'href="{reverse("guia_rol", args=(pagina,))}"' in html


def test_only_the_guide_screenshots_are_served(institucion_compartida):
    for ruta in ("../README.md", "../../../manage.py", "paneles/no-existe.png"):
        url = reverse("guia_captura", args=(ruta,))
        assert cliente("editor").get(url).status_code == 404
