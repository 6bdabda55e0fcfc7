"""Evidence that a programmed post went out, and the calendar feed's tokens."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .paginas import REDES, CampanaPage, PublicacionProgramada


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


class TokenCalendario(models.Model):
    """The secret in a person's ICS address; regenerating it revokes the old one."""

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="token_calendario",
    )
    token = models.CharField(max_length=64, unique=True)
    creado = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("token del calendario")
        verbose_name_plural = _("tokens del calendario")

    def __str__(self):
        return f"Calendario de {self.usuario}"

    @classmethod
    def de(cls, usuario, nuevo=False):
        token, creado = cls.objects.get_or_create(
            usuario=usuario, defaults={"token": secrets.token_urlsafe(32)}
        )
        if nuevo and not creado:
            token.token = secrets.token_urlsafe(32)
            token.save()
        return token
