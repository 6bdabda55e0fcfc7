"""The last approval asks for confirmation naming what it does; every action ends
with a message and a link."""

import datetime
import json

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from boletines.models import BoletinPage
from tests.admin import accion, cliente, crear_y_enviar, denegada, tarea_actual
from tests.factories import ListaDistribucionFactory

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def _en_la_titular(titulo, **campos):
    """A boletín that Coordinación approved: the Titular's approval publishes it."""
    boletin = crear_y_enviar("editor", titulo, **campos)
    accion("coordinacion", boletin, "approve")
    assert tarea_actual(boletin).task.name == "Autorización de la Titular"
    return BoletinPage.objects.get(pk=boletin.pk)


def _modal_de_aprobar(usuario, pagina):
    estado = tarea_actual(pagina)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(pagina.pk, "approve", estado.pk)
    )
    respuesta = cliente(usuario).get(url, **XHR)
    assert respuesta.status_code == 200
    return json.loads(respuesta.content)["html"]


def test_the_titulars_approval_names_the_address_and_the_recipients(
    institucion_compartida,
):
    ListaDistribucionFactory(
        nombre="Gobierno del Estado", predeterminada=True, contactos=2
    )
    estatales = ListaDistribucionFactory(nombre="Medios estatales", contactos=3)
    boletin = _en_la_titular("Entrega de becas", listas=[estatales.pk])

    modal = _modal_de_aprobar("titular", boletin)

    assert "Aprobar y publicar" in modal
    assert (
        f"Se publicará en http://testserver/boletines/{boletin.slug}/ y se enviará a "
        "5 destinatarios de las listas «Gobierno del Estado», «Medios estatales»."
    ) in modal
    assert "Confirmo la publicación y el envío" in modal


def test_the_titulars_approval_names_the_go_live_time_of_an_embargo(
    institucion_compartida,
):
    manana = timezone.localtime() + datetime.timedelta(days=1)
    manana = manana.replace(hour=10, minute=30, second=0, microsecond=0)
    boletin = _en_la_titular(
        "Boletín embargado", go_live_at=manana.strftime("%Y-%m-%d %H:%M")
    )

    modal = _modal_de_aprobar("titular", boletin)

    meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio"]
    meses += ["agosto", "septiembre", "octubre", "noviembre", "diciembre"]
    assert (
        f"Se publicará el {manana.day} de {meses[manana.month - 1]} de "
        f"{manana.year} a las 10:30 en http://testserver/boletines/"
    ) in modal


def test_coordinacions_approval_publishes_nothing_so_asks_no_confirmation(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Primera revisión")
    modal = _modal_de_aprobar("coordinacion", boletin)
    assert "Se publicará" not in modal
    assert "Confirmo" not in modal


def test_the_last_approval_without_confirmation_changes_nothing(
    institucion_compartida,
):
    ListaDistribucionFactory(predeterminada=True, contactos=2)
    boletin = _en_la_titular("Sin confirmar")
    mail.outbox.clear()

    respuesta = accion("titular", boletin, "approve", confirmar=False, ajax=True)

    assert "Marca la casilla para confirmar" in json.loads(respuesta.content)["html"]
    assert not BoletinPage.objects.get(pk=boletin.pk).live
    assert tarea_actual(boletin).task.name == "Autorización de la Titular"
    assert mail.outbox == []


def test_the_confirmed_approval_publishes_and_says_so_with_the_public_link(
    institucion_compartida,
):
    boletin = _en_la_titular("Se inaugura la biblioteca")

    hecho = accion("titular", boletin, "approve")
    seguido = cliente("titular").get(hecho.url, follow=True)

    boletin = BoletinPage.objects.get(pk=boletin.pk)
    assert boletin.live
    assert seguido.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    texto = seguido.content.decode()
    assert "Se aprobó y publicó «Se inaugura la biblioteca»." in texto
    assert f'href="{boletin.full_url}"' in texto


def test_every_approval_and_request_for_changes_ends_with_a_message(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Boletín con mensajes")
    titular = cliente("titular")
    coordinacion = cliente("coordinacion")

    hecho = accion("coordinacion", boletin, "approve")
    seguido = coordinacion.get(hecho.url, follow=True)
    texto = seguido.content.decode()
    assert (
        "Se aprobó «Boletín con mensajes» en Revisión de Coordinación; pasa a "
        "Autorización de la Titular."
    ) in texto
    assert reverse("wagtailadmin_pages:edit", args=(boletin.pk,)) in texto

    hecho = accion("titular", boletin, "reject", comentario="Falta la cifra.")
    seguido = titular.get(hecho.url, follow=True)
    assert (
        "Se solicitaron cambios en «Boletín con mensajes»" in seguido.content.decode()
    )


def test_nobody_else_reads_what_an_approval_did(institucion_compartida):
    boletin = crear_y_enviar("editor", "Ajeno")
    hecho = accion("coordinacion", boletin, "approve")
    assert denegada(cliente("editor").get(hecho.url))


def test_outside_the_task_group_nobody_gets_the_approve_and_publish_action(
    institucion_compartida,
):
    boletin = _en_la_titular("Solo la Titular publica")
    assert denegada(accion("coordinacion", boletin, "approve"))
    assert denegada(accion("editor", boletin, "approve"))
    assert not BoletinPage.objects.get(pk=boletin.pk).live
