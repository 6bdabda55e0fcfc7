"""Folio numbers: the per-year counter and the number each boletín received."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .paginas import BoletinPage


class ContadorFolio(models.Model):
    """The last folio number given in a year; locked while allocating the next."""

    anio = models.PositiveSmallIntegerField(_("año"), unique=True)
    ultimo = models.PositiveIntegerField(_("último folio"), default=0)

    class Meta:
        verbose_name = _("contador de folios")
        verbose_name_plural = _("contadores de folios")

    def __str__(self):
        return f"{self.anio}: {self.ultimo}"


class Folio(models.Model):
    """The number a boletín received at its first publication; it is never reused."""

    boletin = models.OneToOneField(
        BoletinPage,
        verbose_name=_("boletín"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="folio",
    )
    anio = models.PositiveSmallIntegerField(_("año"))
    numero = models.PositiveIntegerField(_("número"))
    titulo = models.CharField(_("título al asignarse"), max_length=255)
    # The go-live moment, set by ``asignar_folio`` (a past one for imported history).
    asignado = models.DateTimeField(_("asignado el"), default=timezone.now)

    class Meta:
        verbose_name = _("folio")
        verbose_name_plural = _("folios")
        permissions = [("ver_indicadores", _("Puede ver los indicadores de boletines"))]
        constraints = [
            models.UniqueConstraint(
                fields=["anio", "numero"], name="folio_unico_por_anio"
            )
        ]

    def __str__(self):
        return f"Boletín {self.numero}/{self.anio}"
