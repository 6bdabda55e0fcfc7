"""What a boletín's publication sets off: its folio, then its distribution."""

from contextlib import contextmanager

from django.db import transaction
from wagtail.signals import page_published

from workflows.models import Retiro

from .distribucion import asunto_boletin, crear_ronda, destinatarios
from .folios import asignar_folio
from .models import BoletinPage, Distribucion


def asignar_folio_al_publicar(sender, instance, **kwargs):
    """A boletín gets its folio when it first goes live.

    Wagtail also signals the approval of an embargoed boletín, before go-live;
    its folio waits for the scheduler, so it counts in the month it went out.
    """
    if instance.live:
        asignar_folio(instance)


@transaction.atomic
def distribuir_al_publicar(sender, instance, **kwargs):
    """Send a boletín at its first publication, and its corrections."""
    if not instance.live:
        # Wagtail signals an approved embargoed revision too; it goes out later,
        # when the scheduler publishes it.
        return
    original = Distribucion.objects.filter(
        tipo=Distribucion.BOLETIN, boletin=instance
    ).first()
    if original is None:
        crear_ronda(
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
        crear_ronda(
            personas,
            tipo=Distribucion.FE_DE_ERRATAS,
            boletin=instance,
            retiro=retiro,
            asunto=asunto_boletin(instance, erratas=True),
        )


@contextmanager
def sin_envios():
    """Publish without distributing: for loading past boletines (the demo's)."""
    page_published.disconnect(sender=BoletinPage, dispatch_uid="boletines_distribucion")
    try:
        yield
    finally:
        page_published.connect(
            distribuir_al_publicar,
            sender=BoletinPage,
            dispatch_uid="boletines_distribucion",
        )


def conectar():
    """Connect the receivers; the folio's first, since the subject carries it."""
    page_published.connect(
        asignar_folio_al_publicar, sender=BoletinPage, dispatch_uid="folio"
    )
    page_published.connect(
        distribuir_al_publicar,
        sender=BoletinPage,
        dispatch_uid="boletines_distribucion",
    )
