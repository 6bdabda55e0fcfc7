"""The secret tokens of the calendar's ICS addresses."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
