"""Fe de erratas: take down for an error, correct, republish with a public note."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from boletines.models import BoletinPage
from tests.admin import accion, cliente, denegada, editar
from tests.factories import BoletinPageFactory
from workflows.models import Retiro

SLUG = "jornada-vacunacion-influenza-planteles"
URL = f"/boletines/{SLUG}/"
MOTIVO = "La fecha de la jornada en Ramos Arizpe era el 12, no el 21."


@pytest.fixture
def boletin(institucion_compartida):
    """A live boletín with its photo, at the address the takedown is about."""
    return BoletinPageFactory(
        parent=institucion_compartida.sala,
        slug=SLUG,
        title="Llega a los planteles la Jornada de Vacunación contra la Influenza",
        publicada=True,
        con_fotos=True,
    )


def _retirar(usuario, motivo=MOTIVO):
    boletin = BoletinPage.objects.get(slug=SLUG)
    return cliente(usuario).post(
        reverse("retirar_por_error", args=(boletin.pk,)), {"motivo": motivo}
    )


def test_titular_takes_a_boletin_down_and_its_address_answers_410(client, boletin):
    respuesta = _retirar("titular")

    assert respuesta.status_code == 302
    boletin = BoletinPage.objects.get(slug=SLUG)
    assert not boletin.live
    retiro = Retiro.objects.get()
    assert (retiro.url, retiro.motivo) == (URL, MOTIVO)
    assert retiro.retirado_por.username == "titular"
    entrada = PageLogEntry.objects.get(page=boletin, action="cms.retirar_por_error")
    assert entrada.data["retiro"] == retiro.pk
    assert entrada.comment == MOTIVO

    publica = client.get(URL)
    assert publica.status_code == 410
    assert "se retiró para corregirlo" in publica.content.decode()
    assert SLUG not in client.get("/boletines/").content.decode()


def test_a_takedown_without_reason_is_refused_and_changes_nothing(boletin):
    respuesta = _retirar("titular", motivo="   ")

    assert respuesta.status_code == 200
    assert "Explica el error" in respuesta.content.decode()
    assert BoletinPage.objects.get(slug=SLUG).live
    assert not Retiro.objects.exists()


def test_editors_cannot_take_content_down(boletin):
    assert denegada(_retirar("editor"))
    assert BoletinPage.objects.get(slug=SLUG).live


def test_the_corrected_version_goes_through_the_workflow_and_shows_its_note(
    client, boletin
):
    _retirar("titular")
    boletin = BoletinPage.objects.get(slug=SLUG)
    editar("editor", boletin, accion="action-submit", sumario="Fecha corregida: el 12.")
    boletin = BoletinPage.objects.get(pk=boletin.pk)
    assert client.get(URL).status_code == 410  # still down while in review

    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")

    publica = client.get(URL)
    assert publica.status_code == 200
    html = publica.content.decode()
    assert "Fe de erratas" in html and MOTIVO in html
    assert "Fecha corregida: el 12." in html
    retiro = Retiro.objects.get()
    assert retiro.republicado_en is not None
    cadena = list(
        PageLogEntry.objects.filter(page=boletin)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    retirado = cadena.index("cms.retirar_por_error")
    enviado = cadena.index("wagtail.workflow.start", retirado)
    republicado = cadena.index("cms.republicar_corregido", enviado)
    assert retirado < enviado < republicado
    assert PageLogEntry.objects.get(action="cms.republicar_corregido").data[
        "retiro"
    ] == (retiro.pk)
