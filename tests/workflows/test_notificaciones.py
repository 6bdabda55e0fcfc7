"""Workflow e-mails: in Spanish, through the task queue, never breaking approval."""

import logging
import socket

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from boletines.models import BoletinPage, ContactoDistribucion
from cms.settings import environment
from tests.admin import accion, crear_y_enviar
from tests.factories import (
    BoletinPageFactory,
    ListaDistribucionFactory,
    construir_institucion,
)


def _enviados_a(usuario):
    correo = get_user_model().objects.get(username=usuario).email
    return [m for m in mail.outbox if m.to == [correo]]


# A per-test institution: the module's shared one would keep its transaction
# open around the transactional worker test at the end.


def test_submission_mails_the_next_tasks_group_in_spanish(
    institucion, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        crear_y_enviar("editor", "Boletín que espera a Coordinación")

    (correo,) = _enviados_a("coordinacion")
    assert correo.subject == (
        "Pendiente de tu revisión: Boletín «Boletín que espera a Coordinación» "
        "(Revisión de Coordinación)"
    )
    assert "espera tu revisión en la etapa «Revisión de Coordinación»" in correo.body
    assert not _enviados_a("titular")
    assert not _enviados_a("editor")
    assert not _enviados_a("admin")


def test_the_author_reads_the_reason_for_the_changes(
    institucion, django_capture_on_commit_callbacks
):
    get_user_model().objects.filter(username="coordinacion").update(
        first_name="Laura", last_name="Mendoza Aguirre"
    )
    with django_capture_on_commit_callbacks(execute=True):
        boletin = crear_y_enviar("editor", "Boletín con errores")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accion(
            "coordinacion", boletin, "reject", "Corrige la cifra del segundo párrafo."
        )

    (correo,) = _enviados_a("editor")
    assert correo.subject == "Cambios solicitados: Boletín «Boletín con errores»"
    assert "Motivo: Corrige la cifra del segundo párrafo." in correo.body
    assert "Laura Mendoza Aguirre solicitó cambios" in correo.body


def test_notifications_wait_in_the_queue_not_in_the_request(
    institucion, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = environment.tasks(None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        crear_y_enviar("editor", "Boletín encolado")

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path__endswith="notificar").count() == 1


def _puerto_cerrado():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_failing_mail_server_is_retried_and_logged_and_approval_goes_on(
    institucion, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _puerto_cerrado()
    settings.EMAIL_TIMEOUT = 2
    with caplog.at_level(logging.ERROR, logger="workflows.tasks"):
        with django_capture_on_commit_callbacks(execute=True):
            boletin = crear_y_enviar("editor", "Boletín sin servidor de correo")
        with django_capture_on_commit_callbacks(execute=True):
            accion("coordinacion", boletin, "approve", "")
            accion("titular", boletin, "approve", "")

    assert BoletinPage.objects.get(pk=boletin.pk).live
    fallos = [r for r in caplog.records if "No se pudo enviar" in r.getMessage()]
    # Three attempts for Coordinación's, Titular's and the author's messages.
    assert len(fallos) == 9
    assert "intento 3 de 3" in fallos[-1].getMessage()


def test_the_db_worker_delivers_the_queued_notifications(base_transaccional, settings):
    settings.TASKS = environment.tasks(None)
    institucion = construir_institucion()
    lista = ListaDistribucionFactory(predeterminada=True, contactos=1)
    BoletinPageFactory(parent=institucion.sala, publicada=True, con_fotos=True)
    BoletinPageFactory(
        parent=institucion.sala,
        con_fotos=True,
        en_flujo=True,
        autor=institucion.usuarios["editor"],
    )
    mail.outbox.clear()
    crear_y_enviar("editor", "Boletín para el worker")
    assert mail.outbox == []

    call_command("db_worker", batch=True, reload=False, startup_delay=False)

    # The draft already waiting was submitted too, before this one.
    personal = {m.to[0] for m in mail.outbox if m.to[0].endswith("@cepru.gob.mx")}
    assert personal == {institucion.usuarios["coordinacion"].email}
    # The same worker delivered the live boletín to the media lists.
    medio = ContactoDistribucion.objects.get(lista=lista).correo
    assert any(m.to[0] == medio for m in mail.outbox)
    assert any("«Boletín para el worker»" in m.subject for m in mail.outbox)
