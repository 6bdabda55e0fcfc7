"""Agenda events go public, on the site and in the Monday e-mail, only once the
Titular authorises them (a Wagtail snippet workflow)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from boletines import distribucion
from boletines.models import Evento, lunes_de
from tests.admin import cliente, denegada
from tests.factories import AgendaPageFactory

from .test_distribucion import crear_listas

MEXICO = timezone.get_fixed_timezone(-360)  # UTC-6, no daylight saving since 2022
LUNES = lunes_de(timezone.localdate())


@pytest.fixture(scope="module")
def agenda_del_modulo(institucion_del_modulo):
    crear_listas()
    return AgendaPageFactory(parent=institucion_del_modulo.inicio)


@pytest.fixture
def agenda(agenda_del_modulo, institucion_compartida):
    return agenda_del_modulo


def _datos(titulo, **accion):
    return {
        "titulo": titulo,
        "fecha": (LUNES + datetime.timedelta(days=3)).isoformat(),
        "hora": "10:00",
        "lugar": "Auditorio del Plantel Saltillo",
        "area": "",
        "descripcion": "Abierto a la comunidad.",
        "publico": "on",
        **accion,
    }


def _proponer(usuario, titulo, **accion):
    url = reverse("wagtailsnippets_boletines_evento:add")
    respuesta = cliente(usuario).post(url, _datos(titulo, **accion))
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    return Evento.objects.get(titulo=titulo)


def _accion(usuario, evento, nombre):
    evento = Evento.objects.get(pk=evento.pk)
    estado = evento.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_boletines_evento:workflow_action",
        args=(evento.pk, nombre, estado.pk),
    )
    # The last approval publishes: it is confirmed, as on the admin's screen.
    datos = {"confirmar": "on"} if nombre == "approve" else {}
    return cliente(usuario).post(url, datos)


def _correo_de_la_semana(capturar):
    mail.outbox.clear()
    lunes_9 = datetime.datetime.combine(LUNES, datetime.time(9, 0), tzinfo=MEXICO)
    with capturar(execute=True):
        distribucion.agenda_pendiente(lunes_9)
    return "\n".join(m.body for m in mail.outbox)


def test_a_submitted_event_waits_for_the_titular_before_the_site_and_the_email(
    client, agenda, django_capture_on_commit_callbacks
):
    evento = _proponer("editor", "Feria de empleo técnico", **{"action-submit": "1"})

    assert not evento.live
    assert evento.current_workflow_task_state.task.name == "Autorización de la Titular"
    assert "Feria de empleo técnico" not in client.get("/agenda/").content.decode()

    assert not denegada(_accion("titular", evento, "approve"))

    assert Evento.objects.get(pk=evento.pk).live
    assert "Feria de empleo técnico" in client.get("/agenda/").content.decode()
    assert "Feria de empleo técnico" in _correo_de_la_semana(
        django_capture_on_commit_callbacks
    )


def test_an_unapproved_event_is_not_emailed(agenda, django_capture_on_commit_callbacks):
    _proponer("editor", "Reunión aún sin autorizar", **{"action-submit": "1"})
    _proponer("coordinacion", "Borrador de Coordinación")

    cuerpo = _correo_de_la_semana(django_capture_on_commit_callbacks)

    assert "Reunión aún sin autorizar" not in cuerpo
    assert "Borrador de Coordinación" not in cuerpo


def test_not_even_a_superuser_publishes_an_event_by_hand(client, agenda):
    url = reverse("wagtailsnippets_boletines_evento:add")
    html = cliente("admin").get(url).content.decode()
    assert 'name="action-publish"' not in html

    cliente("admin").post(
        url, _datos("Evento publicado a mano", **{"action-publish": "1"})
    )

    assert not Evento.objects.filter(
        titulo="Evento publicado a mano", live=True
    ).exists()
    assert "Evento publicado a mano" not in client.get("/agenda/").content.decode()


def test_a_change_to_an_approved_event_shows_only_after_approval(client, agenda):
    evento = _proponer("editor", "Conferencia de prensa", **{"action-submit": "1"})
    _accion("titular", evento, "approve")
    url = reverse("wagtailsnippets_boletines_evento:edit", args=(evento.pk,))

    respuesta = cliente("editor").post(
        url, _datos("Conferencia de prensa cancelada", **{"action-submit": "1"})
    )

    assert respuesta.status_code == 302
    html = client.get("/agenda/").content.decode()
    assert "Conferencia de prensa" in html
    assert "cancelada" not in html
    _accion("titular", evento, "approve")
    assert "cancelada" in client.get("/agenda/").content.decode()


def test_the_editor_cannot_approve_an_event(agenda):
    evento = _proponer(
        "editor", "Visita del Director General", **{"action-submit": "1"}
    )

    _accion("editor", evento, "approve")

    assert not Evento.objects.get(pk=evento.pk).live
