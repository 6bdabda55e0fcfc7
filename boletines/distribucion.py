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

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workflows.models import Retiro

from .models import (
    BoletinPage,
    ContactoDistribucion,
    Distribucion,
    Envio,
    ListaDistribucion,
    lunes_de,
)
from .pdf import titulo_agenda
from .tasks import enviar


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


def crear_ronda(personas, **campos):
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


def enviar_agenda(lunes):
    """The week's agenda to the default list; ``None`` if it already went out."""
    return crear_ronda(
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


def resumen_de_envio(objeto):
    """The final approval's «se enviará a N destinatarios de las listas …».

    Only a boletín's first publication goes to the media (see above).
    """
    if not isinstance(objeto, BoletinPage):
        return None
    original = Distribucion.objects.filter(
        tipo=Distribucion.BOLETIN, boletin_id=objeto.pk
    ).first()
    if original is not None:
        pendientes = Retiro.objects.filter(page_id=objeto.pk).exclude(
            pk__in=Distribucion.objects.filter(
                tipo=Distribucion.FE_DE_ERRATAS, retiro__isnull=False
            ).values("retiro")
        )
        if not pendientes.exists():
            return _("no se enviará de nuevo a los medios")
        numero = original.envios.count()
        return ngettext(
            "se enviará la fe de erratas a %(numero)s destinatario del boletín",
            "se enviará la fe de erratas a los %(numero)s destinatarios del boletín",
            numero,
        ) % {"numero": numero}
    elegidas = list(objeto.listas.all())  # the revision's, not yet saved
    listas = list(ListaDistribucion.objects.filter(predeterminada=True)) + [
        lista for lista in elegidas if not lista.predeterminada
    ]
    numero = len(destinatarios([lista.pk for lista in elegidas]))
    nombres = ", ".join(f"«{lista.nombre}»" for lista in listas)
    return ngettext(
        "se enviará a %(numero)s destinatario de las listas %(listas)s",
        "se enviará a %(numero)s destinatarios de las listas %(listas)s",
        numero,
    ) % {"numero": numero, "listas": nombres}
