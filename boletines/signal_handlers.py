"""What a boletín's publication sets off: its folio, then its distribution."""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import pre_save
from wagtail.signals import page_published, page_unpublished, workflow_submitted

from cms.cache.memoria import pagina
from cms.models import VersionDelContenido
from workflows.models import Retiro

from .distribucion import asunto_boletin, crear_ronda, destinatarios
from .folios import asignar_folio
from .models import BoletinPage, BoletinRelacionado, Distribucion


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


def recordar_fecha_publicada(sender, instance, update_fields=None, **kwargs):
    """Before a publication saves the page, the date its live version had: its
    neighbours there lose it if the date changes."""
    if instance.pk and update_fields is None:
        instance._fecha_publicada = (
            BoletinPage.objects.filter(pk=instance.pk)
            .values_list("fecha", flat=True)
            .first()
        )


def avisar_a_los_vecinos(sender, instance, **kwargs):
    """Publishing or taking down a boletín changes the remembered page of its
    neighbours (their previous/next links) and of the boletines that list it as
    related, and of no other boletín (``cms.cache.memoria``)."""
    fechas = {instance.fecha, getattr(instance, "_fecha_publicada", None)} - {None}
    vecinos = {
        vecino.pk
        for fecha in fechas
        for vecino in (instance.anterior(fecha), instance.siguiente(fecha))
        if vecino is not None
    }
    vecinos |= set(
        BoletinRelacionado.objects.filter(relacionado=instance).values_list(
            "page_id", flat=True
        )
    )
    if vecinos:
        VersionDelContenido.avanzar(*(pagina(pk) for pk in sorted(vecinos)))


def recordar_primer_envio(sender, instance, **kwargs):
    """``workflow_submitted``: a boletín's first submission for approval is kept
    on its row (``BoletinPage.primer_envio``); later ones do not move it."""
    if ContentType.objects.get_for_id(instance.content_type_id).model_class() is not (
        BoletinPage
    ):
        return
    BoletinPage.objects.filter(pk=instance.object_id, primer_envio__isnull=True).update(
        primer_envio=instance.created_at
    )


def conectar():
    """Connect the receivers; the folio's first, since the subject carries it."""
    pre_save.connect(
        recordar_fecha_publicada, sender=BoletinPage, dispatch_uid="boletines_fecha"
    )
    page_published.connect(
        avisar_a_los_vecinos, sender=BoletinPage, dispatch_uid="boletines_vecinos"
    )
    page_unpublished.connect(
        avisar_a_los_vecinos, sender=BoletinPage, dispatch_uid="boletines_vecinos"
    )
    workflow_submitted.connect(recordar_primer_envio, dispatch_uid="primer_envio")
    page_published.connect(
        asignar_folio_al_publicar, sender=BoletinPage, dispatch_uid="folio"
    )
    page_published.connect(
        distribuir_al_publicar,
        sender=BoletinPage,
        dispatch_uid="boletines_distribucion",
    )
