"""Sending boletines, fe de erratas and the weekly agenda to the media.

A publication creates a sending round (:class:`Distribucion`) with one
:class:`Envio` row per recipient, inside the publishing transaction; the task
queue then delivers each one. A failed delivery keeps its error, waits longer
each time (2, 4, 8, 16 minutes) and stays visible in the admin until it is sent
or, after the last try, until someone presses "Reintentar".

When it goes out:
- a boletín, at its first publication (for an embargoed one that is the go-live
  moment, when the scheduler publishes it), to the default list plus the lists
  chosen in it;
- a *fe de erratas*, when a boletín taken down for an error is published again,
  to the same recipients as the original;
- the agenda, once a week, to the default list.
"""

import logging
import smtplib
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task
from wagtail.signals import page_published

from home.models import InstitucionSettings

from .models import (
    BoletinPage,
    ContactoDistribucion,
    Distribucion,
    Envio,
    Evento,
    ListaDistribucion,
    lunes_de,
)
from .pdf import agenda_pdf, boletin_pdf, titulo_agenda

logger = logging.getLogger(__name__)

INTENTOS = 5
PLANTILLAS = "boletines/correo/"


def destinatarios(listas):
    """The contacts of the default lists and of ``listas``, once per address."""
    contactos = ContactoDistribucion.objects.filter(
        lista__in=ListaDistribucion.objects.filter(predeterminada=True)
    ) | ContactoDistribucion.objects.filter(lista__in=listas)
    vistos, unicos = set(), []
    for contacto in contactos.order_by("lista__nombre", "sort_order", "pk"):
        clave = contacto.correo.lower()
        if clave not in vistos:
            vistos.add(clave)
            unicos.append((contacto.nombre, contacto.medio, contacto.correo))
    return unicos


def _crear_ronda(personas, **campos):
    """A sending round and its pending deliveries, queued once the commit lands.

    ``None`` when the round already exists (the unique constraints of
    :class:`Distribucion` make a second publication or scheduler a no-op).
    """
    try:
        with transaction.atomic():
            ronda = Distribucion.objects.create(**campos)
    except IntegrityError:
        return None
    envios = Envio.objects.bulk_create(
        Envio(distribucion=ronda, nombre=nombre, medio=medio, correo=correo)
        for nombre, medio, correo in personas
    )
    pks = [envio.pk for envio in envios]
    transaction.on_commit(lambda: [enviar.enqueue(pk) for pk in pks])
    return ronda


def asunto_boletin(boletin, erratas=False):
    asunto = f"{boletin.folio_texto}: {boletin.title}"
    return f"Fe de erratas — {asunto}" if erratas else asunto


@transaction.atomic
def al_publicar(sender, instance, **kwargs):
    """Send a boletín at its first publication, and its corrections."""
    from workflows.models import Retiro

    if not instance.live:
        # Wagtail signals an approved embargoed revision too; it goes out later,
        # when the scheduler publishes it.
        return
    original = Distribucion.objects.filter(
        tipo=Distribucion.BOLETIN, boletin=instance
    ).first()
    if original is None:
        _crear_ronda(
            destinatarios(instance.listas.all()),
            tipo=Distribucion.BOLETIN,
            boletin=instance,
            asunto=asunto_boletin(instance),
        )
        return
    corregidos = Distribucion.objects.filter(
        tipo=Distribucion.FE_DE_ERRATAS, retiro__isnull=False
    ).values("retiro")
    personas = list(original.envios.values_list("nombre", "medio", "correo"))
    for retiro in Retiro.objects.filter(page_id=instance.pk).exclude(pk__in=corregidos):
        _crear_ronda(
            personas,
            tipo=Distribucion.FE_DE_ERRATAS,
            boletin=instance,
            retiro=retiro,
            asunto=asunto_boletin(instance, erratas=True),
        )


def enviar_agenda(lunes):
    """The week's agenda to the default list; ``None`` if it already went out."""
    return _crear_ronda(
        destinatarios([]),
        tipo=Distribucion.AGENDA,
        semana=lunes_de(lunes),
        asunto=titulo_agenda(lunes_de(lunes)),
    )


def agenda_pendiente(ahora=None):
    """From Monday 8:00 (Mexico City), this week's agenda if not yet sent."""
    ahora = timezone.localtime(ahora)
    lunes = lunes_de(ahora.date())
    if ahora.date() == lunes and ahora.hour < settings.AGENDA_HORA_DE_ENVIO:
        return None
    if Distribucion.objects.filter(tipo=Distribucion.AGENDA, semana=lunes).exists():
        return None
    return enviar_agenda(lunes)


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
    from wagtail.models import Site

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


@contextmanager
def sin_envios():
    """Publish without distributing: for loading past boletines (the demo's)."""
    page_published.disconnect(sender=BoletinPage, dispatch_uid="boletines_distribucion")
    try:
        yield
    finally:
        conectar()


def conectar():
    # After the folio's handler (connected first): the subject carries the folio.
    page_published.connect(
        al_publicar, sender=BoletinPage, dispatch_uid="boletines_distribucion"
    )
