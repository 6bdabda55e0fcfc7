"""A campaign's programmed posts and the evidence that each one went out."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .paginas import REDES, CampanaPage


class PublicacionProgramada(Orderable):
    """A post programmed in a campaign: when (Mexico City), where, what."""

    page = ParentalKey(
        CampanaPage, on_delete=models.CASCADE, related_name="publicaciones"
    )
    fecha = models.DateTimeField(
        _("fecha y hora"), help_text=_("Hora de la Ciudad de México.")
    )
    red = models.CharField(_("red"), max_length=12, choices=REDES)
    texto = models.TextField(_("texto"))
    imagen = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video = models.ForeignKey(
        "media_library.VideoPage",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enlace = models.URLField(_("enlace"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("fecha"), FieldPanel("red")]),
        FieldPanel("texto"),
        FieldRowPanel([FieldPanel("imagen"), PageChooserPanel("video")]),
        FieldPanel("enlace"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("publicación programada")
        verbose_name_plural = _("publicaciones programadas")

    def __str__(self):
        return (
            f"{self.get_red_display()} {timezone.localtime(self.fecha):%d/%m/%Y %H:%M}"
        )

    PROGRAMADA, PENDIENTE, VENCIDA, PUBLICADA = (
        "programada",
        "pendiente",
        "vencida",
        "publicada",
    )

    def estado(self, ahora=None, evidencia=None):
        """Publicada with evidence; vencida once its day ended without it."""
        if evidencia is not None:
            return self.PUBLICADA
        ahora = timezone.localtime(ahora)
        dia = timezone.localtime(self.fecha).date()
        if dia < ahora.date():
            return self.VENCIDA
        return self.PENDIENTE if dia == ahora.date() else self.PROGRAMADA


def hora_local(fecha, hora):
    """A Mexico City date and time as an aware datetime."""
    return timezone.make_aware(datetime.combine(fecha, hora))


class Evidencia(models.Model):
    """A programmed post marked as published: its URL, when and who.

    It copies the post's network, date and text: the evidence is part of the
    campaign's record and must survive a later edit or removal of the post.
    """

    publicacion = models.OneToOneField(
        PublicacionProgramada,
        verbose_name=_("publicación programada"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="evidencia",
    )
    campana = models.ForeignKey(
        CampanaPage,
        verbose_name=_("campaña"),
        on_delete=models.PROTECT,
        related_name="evidencias",
    )
    red = models.CharField(_("red"), max_length=12, choices=REDES)
    programada_para = models.DateTimeField(_("programada para"))
    texto = models.TextField(_("texto"))
    url = models.URLField(_("dirección de la publicación"), max_length=500)
    publicada_en = models.DateTimeField(_("publicada el"))
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registrada_el = models.DateTimeField(_("registrada el"), auto_now_add=True)
    captura = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("captura de pantalla"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("evidencia de publicación")
        verbose_name_plural = _("evidencias de publicación")
        ordering = ["-publicada_en"]
        permissions = [
            ("ver_calendario", _("Puede ver el calendario de publicaciones"))
        ]

    def __str__(self):
        return f"{self.get_red_display()}: {self.url}"
