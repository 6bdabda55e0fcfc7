"""The desk's slow work, run by the task worker: e-mails, feeds, the daily report."""

from django.core.mail import EmailMessage
from django_tasks import task

from .fuentes import revisar_canales
from .models import Medio


@task()
def enviar_correo(asunto, cuerpo, destinatarios):
    """One plain e-mail of the desk (channelling, escalation)."""
    if not destinatarios:
        return 0
    return EmailMessage(asunto, cuerpo, to=destinatarios).send()


@task()
def revisar_canales_task(medio_ids=None):
    """Read the due RSS/Atom feeds (or the given outlets') for new mentions."""
    medios = None if medio_ids is None else Medio.objects.filter(pk__in=medio_ids)
    return revisar_canales(medios)
