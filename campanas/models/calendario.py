"""The secret tokens of the calendar's ICS addresses, kept only as their hash."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def huella(secreto):
    """The SHA-256 of an address's secret: what the database keeps of it."""
    return hashlib.sha256(secreto.encode()).hexdigest()


class TokenCalendario(models.Model):
    """A person's ICS address; the secret is shown once and only its hash is stored.

    Whoever reads the database (a backup, an export) cannot rebuild the address;
    regenerating it revokes the old one.
    """

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="token_calendario",
    )
    huella = models.CharField(_("huella SHA-256"), max_length=64, unique=True)
    creado = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("token del calendario")
        verbose_name_plural = _("tokens del calendario")

    def __str__(self):
        return f"Calendario de {self.usuario}"

    @classmethod
    def nuevo(cls, usuario):
        """A new secret for ``usuario``'s address (the old one stops working)."""
        secreto = secrets.token_urlsafe(32)
        cls.objects.update_or_create(
            usuario=usuario, defaults={"huella": huella(secreto)}
        )
        return secreto

    @classmethod
    def de_secreto(cls, secreto):
        """The token whose secret is ``secreto``, or None."""
        return (
            cls.objects.filter(huella=huella(secreto)).select_related("usuario").first()
        )
