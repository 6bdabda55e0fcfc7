"""Disposition acts: transfers and disposal of records, proposed and approved."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..almacenamiento import almacen_privado
from ..registry import register
from .registros import Registro


class Disposicion(models.Model):
    """A proposed transfer or disposal of records: the Archivo proposes, the
    Titular approves, executing it produces the acta and marks the records."""

    PRIMARIA, SECUNDARIA, BAJA = "primaria", "secundaria", "baja"
    TIPOS = [
        (PRIMARIA, _("Transferencia primaria (a concentración)")),
        (SECUNDARIA, _("Transferencia secundaria (a histórico)")),
        (BAJA, _("Baja documental")),
    ]
    PROPUESTA, APROBADA, RECHAZADA, EJECUTADA = (
        "propuesta",
        "aprobada",
        "rechazada",
        "ejecutada",
    )
    ESTADOS = [
        (PROPUESTA, _("Propuesta")),
        (APROBADA, _("Aprobada")),
        (RECHAZADA, _("Rechazada")),
        (EJECUTADA, _("Ejecutada")),
    ]

    tipo = models.CharField(_("tipo"), max_length=10, choices=TIPOS)
    estado = models.CharField(
        _("estado"), max_length=10, choices=ESTADOS, default=PROPUESTA
    )
    registros = models.ManyToManyField(
        Registro, verbose_name=_("registros"), related_name="disposiciones"
    )
    justificacion = models.TextField(_("justificación o dictamen"))
    propuesta_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("propuesta por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    propuesta_en = models.DateTimeField(_("propuesta el"), auto_now_add=True)
    revisada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisada por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revisada_en = models.DateTimeField(_("revisada el"), null=True, blank=True)
    comentario = models.TextField(_("comentario de la revisión"), blank=True)
    ejecutada_en = models.DateTimeField(_("ejecutada el"), null=True, blank=True)
    acta = models.FileField(
        _("acta"), upload_to="actas/", storage=almacen_privado, blank=True
    )

    class Meta:
        verbose_name = _("disposición documental")
        verbose_name_plural = _("disposiciones documentales")
        ordering = ["-propuesta_en"]
        permissions = [
            ("proponer_disposicion", _("Puede proponer y ejecutar disposiciones")),
            ("aprobar_disposicion", _("Puede aprobar o rechazar disposiciones")),
        ]

    def __str__(self):
        return _("Acta %(numero)s: %(tipo)s") % {
            "numero": self.numero,
            "tipo": self.get_tipo_display(),
        }

    @property
    def numero(self):
        """ "DD-7/2026": the act's number, as it is cited."""
        anio = (self.propuesta_en or timezone.now()).year
        return f"DD-{self.pk}/{anio}"


# The act of disposal is itself a record (Ley General de Archivos).
register(Disposicion, serie="9C.12", tipo=_("Acta de disposición"))
