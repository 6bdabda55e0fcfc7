"""Workflow e-mails: find the recipients, then deliver one message per task."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.admin import mail

from .notificaciones import EVENTOS, INTENTOS

logger = logging.getLogger(__name__)


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
