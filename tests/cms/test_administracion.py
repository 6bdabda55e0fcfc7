"""The admin speaks Spanish to every role."""

import pytest

from boletines.models import BoletinIndexPage
from tests.factories import BoletinPageFactory


@pytest.mark.parametrize(
    "usuario", ["editor", "enlace", "coordinacion", "titular", "archivo", "monitoreo"]
)
def test_every_role_enters_a_spanish_admin(
    institucion_compartida, entrar_como, usuario
):
    respuesta = entrar_como(usuario).get("/admin/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Panel de control" in html
    assert '<html lang="es-mx"' in html


def test_editor_opens_the_newsroom_in_the_page_explorer(
    institucion_compartida, entrar_como
):
    sala = BoletinIndexPage.objects.get()
    BoletinPageFactory(
        parent=sala,
        title="Egresan 1,200 técnicos de la generación 2024-2027",
        publicada=True,
    )
    respuesta = entrar_como("editor").get(f"/admin/pages/{sala.pk}/")
    assert respuesta.status_code == 200
    assert "Egresan 1,200 técnicos" in respuesta.content.decode()


def test_anonymous_visitors_are_sent_to_the_spanish_login(client, db):
    respuesta = client.get("/admin/", follow=True)
    assert "Iniciar sesión" in respuesta.content.decode()
