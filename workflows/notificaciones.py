"""Workflow e-mails in Spanish: the notifiers and the events they answer.

Wagtail sends its workflow e-mails inside the approver's request and gives up on
a failure. Here the signal only enqueues (``signal_handlers``); the worker renders
each message with Wagtail's own notifiers (recipients, context) and our Spanish
templates (``tasks``), and retries a failed delivery without ever touching the
approval itself.
"""

from wagtail.admin import mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

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
