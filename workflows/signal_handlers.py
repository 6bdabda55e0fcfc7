"""Workflow receivers: queued Spanish e-mails, and closing a takedown on republish."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_submitted

from .correcciones import REPUBLICAR
from .models import Retiro
from .notificaciones import EVENTOS
from .tasks import notificar


def _encolar(evento):
    def al_ocurrir(sender, instance, user=None, **kwargs):
        usuario_pk = user.pk if user else None
        transaction.on_commit(
            lambda: notificar.enqueue(evento, instance.pk, usuario_pk)
        )

    return al_ocurrir


def conectar():
    """Queued Spanish e-mails instead of Wagtail's; takedowns closed on republish."""
    for evento, (senal, uid_de_wagtail, modelo, _) in EVENTOS.items():
        senal.disconnect(sender=modelo, dispatch_uid=uid_de_wagtail)
        senal.connect(
            _encolar(evento), sender=modelo, dispatch_uid=f"cms_{evento}", weak=False
        )
    # Wagtail also e-mails superusers on every submission; the office does not.
    workflow_submitted.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    page_published.connect(al_publicar, dispatch_uid="cms_republicar_corregido")


def al_publicar(sender, instance, revision=None, **kwargs):
    """Close the open takedown of a page published again, and log the link.

    Only once the corrected page is live: an approved embargoed correction keeps
    the 410 notice until the scheduler publishes it.
    """
    if not instance.live:
        return
    pendientes = Retiro.objects.filter(page_id=instance.pk, republicado_en=None)
    for retiro in pendientes:
        retiro.republicado_en = timezone.now()
        retiro.save(update_fields=["republicado_en"])
        log(
            instance,
            REPUBLICAR,
            user=getattr(revision, "user", None),
            data={"retiro": retiro.pk, "motivo": retiro.motivo},
        )
