"""A pick-up linked to a publication is noted on that publication's record; an
approved síntesis goes to the Director General's list."""

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from wagtail.signals import published

from archivo.publicacion import registrar_accion

from .models import Mencion, Sintesis
from .models.menciones import NOTA
from .tasks import enviar_sintesis


def anotar_cobertura(sender, instance, created, **kwargs):
    """A «nota informativa» linked to a boletín goes on the boletín's record."""
    if instance.tipo != NOTA or instance.publicacion_id is None:
        return
    registrar_accion(
        instance.publicacion.specific,
        _("Cobertura: %(medio)s, %(fecha)s, %(sentimiento)s")
        % {
            "medio": instance.medio or instance.cuenta or _("medio sin nombre"),
            "fecha": instance.publicada_en.strftime("%d/%m/%Y"),
            "sentimiento": instance.get_sentimiento_display() or _("sin sentimiento"),
        },
    )


def al_aprobar_sintesis(sender, instance, **kwargs):
    """The workflow's last approval publishes the síntesis: send it at once."""
    if instance.live:
        transaction.on_commit(lambda: enviar_sintesis.enqueue(instance.pk))


def conectar():
    post_save.connect(
        anotar_cobertura, sender=Mencion, dispatch_uid="monitoreo_anotar_cobertura"
    )
    published.connect(
        al_aprobar_sintesis, sender=Sintesis, dispatch_uid="monitoreo_enviar_sintesis"
    )
