"""Workflow e-mails in Spanish, sent by the task queue, one recipient per task.

Wagtail sends its workflow e-mails inside the approver's request and gives up on
a failure. Here the signal only enqueues; the worker renders each message with
Wagtail's own notifiers (recipients, context) and our Spanish templates, and
retries a failed delivery without ever touching the approval itself.
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

logger = logging.getLogger(__name__)

INTENTOS = 3
PLANTILLAS = "workflows/notificaciones/"


class _EnEspanol:
    template_directory = PLANTILLAS

    def get_context(self, instance, **kwargs):
        contexto = super().get_context(instance, **kwargs)
        if contexto.get("page") is not None:
            # "Boletín", not the generic "página" of the workflow's base model.
            contexto["model_name"] = contexto["page"]._meta.verbose_name
        return contexto


class TareaEnviada(_EnEspanol, mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the approvers of the task the item has reached."""


class FlujoRechazado(_EnEspanol, mail.WorkflowStateRejectionEmailNotifier):
    """To the author, with the reason for the changes."""


class FlujoAprobado(_EnEspanol, mail.WorkflowStateApprovalEmailNotifier):
    """To the author, when the last task approves and the item is published."""


# event -> (signal, Wagtail's handler it replaces, sender model, notifier)
EVENTOS = {
    "tarea_enviada": (
        task_submitted,
        "group_approval_task_submitted_email_notification",
        TaskState,
        TareaEnviada(),
    ),
    "flujo_rechazado": (
        workflow_rejected,
        "workflow_state_rejected_email_notification",
        WorkflowState,
        FlujoRechazado(),
    ),
    "flujo_aprobado": (
        workflow_approved,
        "workflow_state_approved_email_notification",
        WorkflowState,
        FlujoAprobado(),
    ),
}


def _cargar(modelo, pk):
    instancia = modelo.objects.get(pk=pk)
    return getattr(instancia, "specific", instancia)  # TaskState is polymorphic


@task()
def notificar(evento, instancia_pk, usuario_pk=None):
    """Find who must hear of ``evento`` and enqueue one delivery each."""
    _, _, modelo, notificador = EVENTOS[evento]
    instancia = _cargar(modelo, instancia_pk)
    if not notificador.can_handle(instancia):
        return 0
    usuario = get_user_model().objects.filter(pk=usuario_pk).first()
    destinatarios = notificador.get_valid_recipients(instancia, user=usuario)
    for destinatario in destinatarios:
        enviar.enqueue(evento, instancia_pk, destinatario.pk)
    return len(destinatarios)


@task()
def enviar(evento, instancia_pk, destinatario_pk, intento=1):
    """Deliver one message; on failure log it and try again later, then give up."""
    _, _, modelo, notificador = EVENTOS[evento]
    instancia = _cargar(modelo, instancia_pk)
    destinatario = get_user_model().objects.get(pk=destinatario_pk)
    contexto = notificador.get_context(instancia)
    contexto["user"] = destinatario
    plantillas = notificador.get_template_set(instancia)
    idioma = destinatario.wagtail_userprofile.get_preferred_language()
    with translation.override(idioma):
        asunto = " ".join(render_to_string(plantillas["subject"], contexto).split())
        texto = render_to_string(plantillas["text"], contexto).strip()
    try:
        mail.send_mail(asunto, texto, [destinatario.email])
    except Exception:
        logger.exception(
            "No se pudo enviar «%s» a %s (intento %s de %s)",
            asunto,
            destinatario.email,
            intento,
            INTENTOS,
        )
        if intento < INTENTOS:
            _reintentar(evento, instancia_pk, destinatario_pk, intento)
        raise
    return asunto


def _reintentar(evento, instancia_pk, destinatario_pk, intento):
    siguiente = enviar
    if siguiente.get_backend().supports_defer:
        espera = timedelta(minutes=2**intento)
        siguiente = siguiente.using(run_after=timezone.now() + espera)
    siguiente.enqueue(evento, instancia_pk, destinatario_pk, intento + 1)


def _encolar(evento):
    def al_ocurrir(sender, instance, user=None, **kwargs):
        usuario_pk = user.pk if user else None
        transaction.on_commit(
            lambda: notificar.enqueue(evento, instance.pk, usuario_pk)
        )

    return al_ocurrir


def conectar():
    """Replace Wagtail's in-request workflow e-mails with queued Spanish ones."""
    for evento, (senal, uid_de_wagtail, modelo, _) in EVENTOS.items():
        senal.disconnect(sender=modelo, dispatch_uid=uid_de_wagtail)
        senal.connect(
            _encolar(evento), sender=modelo, dispatch_uid=f"cms_{evento}", weak=False
        )
    # Wagtail also e-mails superusers on every submission; the office does not.
    workflow_submitted.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
