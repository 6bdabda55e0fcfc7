"""Delivering each e-mail of a sending round, with its retries.

A failed delivery keeps its error, waits longer each time (2, 4, 8, 16 minutes)
and stays visible in the admin until it is sent or, after the last try, until
someone presses "Reintentar".
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from home.models import InstitucionSettings

from .models import BoletinPage, Distribucion, Envio, Evento
from .pdf import agenda_pdf, boletin_pdf

logger = logging.getLogger(__name__)

INTENTOS = 5
PLANTILLAS = "boletines/correo/"


def _mensaje(envio):
    ronda = envio.distribucion
    if ronda.tipo == Distribucion.AGENDA:
        institucion = InstitucionSettings.for_site(_sitio())
        eventos = list(Evento.de_la_semana(ronda.semana))
        contexto = {"ronda": ronda, "eventos": eventos, "institucion": institucion}
        adjunto = (
            f"agenda-{ronda.semana}.pdf",
            agenda_pdf(ronda.semana, eventos, institucion),
        )
        plantilla = "agenda"
    else:
        boletin = BoletinPage.objects.get(pk=ronda.boletin_id)
        institucion = InstitucionSettings.for_site(boletin.get_site())
        fotos = [
            (foto, foto.imagen.get_rendition("max-2000x2000|format-jpeg").full_url)
            for foto in boletin.fotos.select_related("imagen")
        ]
        contexto = {
            "ronda": ronda,
            "boletin": boletin,
            "fotos": fotos,
            "url": boletin.get_full_url(),
            "institucion": institucion,
            "retiro": ronda.retiro,
        }
        nombre = boletin.folio_texto.replace("Boletín ", "boletin-").replace("/", "-")
        adjunto = (f"{nombre}.pdf", boletin_pdf(boletin, institucion))
        plantilla = "boletin"
    contexto["envio"] = envio
    mensaje = EmailMultiAlternatives(
        subject=ronda.asunto,
        body=render_to_string(f"{PLANTILLAS}{plantilla}.txt", contexto),
        to=[envio.correo],
        reply_to=[institucion.correo] if institucion.correo else None,
    )
    mensaje.attach_alternative(
        render_to_string(f"{PLANTILLAS}{plantilla}.html", contexto), "text/html"
    )
    mensaje.attach(*adjunto, "application/pdf")
    return mensaje


def _sitio():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def _texto(valor):
    return valor.decode("utf-8", "replace") if isinstance(valor, bytes) else valor


def describir(error):
    """The server's answer in words an editor can read, not a Python repr."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{correo}: {codigo} {_texto(texto)}"
            for correo, (codigo, texto) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_texto(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"


@task()
def enviar(envio_pk):
    """Deliver one e-mail; record the outcome and schedule a retry on failure."""
    # Claim the row: with several workers, a delivery is never sent twice.
    reclamado = Envio.objects.filter(
        pk=envio_pk,
        estado__in=[Envio.PENDIENTE, Envio.REINTENTANDO, Envio.FALLIDO],
    ).update(estado=Envio.ENVIANDO)
    if not reclamado:
        return None
    envio = Envio.objects.select_related("distribucion__retiro").get(pk=envio_pk)
    envio.intentos += 1
    try:
        _mensaje(envio).send()
    except Exception as error:
        envio.ultimo_error = describir(error)[:2000]
        logger.warning(
            "Envío %s a %s falló (intento %s de %s): %s",
            envio.pk,
            envio.correo,
            envio.intentos,
            INTENTOS,
            envio.ultimo_error,
        )
        if envio.intentos < INTENTOS:
            envio.estado = Envio.REINTENTANDO
            envio.proximo_intento = timezone.now() + timedelta(
                minutes=2**envio.intentos
            )
        else:
            envio.estado, envio.proximo_intento = Envio.FALLIDO, None
        envio.save()
        if envio.estado == Envio.REINTENTANDO:
            _reintentar(envio)
        return envio.estado
    envio.estado, envio.enviado_en = Envio.ENVIADO, timezone.now()
    envio.proximo_intento, envio.ultimo_error = None, ""
    envio.save()
    return envio.estado


def _reintentar(envio):
    siguiente = enviar
    if siguiente.get_backend().supports_defer:
        siguiente = siguiente.using(run_after=envio.proximo_intento)
    siguiente.enqueue(envio.pk)


def reintentar_ahora(envio):
    """The admin's "Reintentar": a failed delivery gets a fresh set of tries."""
    actualizado = Envio.objects.filter(
        pk=envio.pk, estado__in=[Envio.FALLIDO, Envio.REINTENTANDO]
    ).update(estado=Envio.PENDIENTE, intentos=0, proximo_intento=None)
    if actualizado:
        transaction.on_commit(lambda: enviar.enqueue(envio.pk))
    return bool(actualizado)
