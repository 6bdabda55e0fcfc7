"""Exports of records that the archivist asks for in the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..almacenamiento import almacen_privado
from .registros import _fecha


class ExportacionRegistros(models.Model):
    """An export the archivist asked for in the admin, built by a background task."""

    PENDIENTE, LISTA, FALLIDA = "pendiente", "lista", "fallida"
    ESTADOS = [
        (PENDIENTE, _("En preparación")),
        (LISTA, _("Lista para descargar")),
        (FALLIDA, _("Falló")),
    ]
    FORMATOS = [
        ("csv", "CSV"),
        ("xlsx", "XLSX"),
        ("json", "JSON"),
        ("bagit", _("Paquete BagIt (ZIP)")),
    ]

    solicitada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitada por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    formato = models.CharField(_("formato"), max_length=5, choices=FORMATOS)
    filtros = models.JSONField(_("filtros"), default=dict, blank=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=ESTADOS, default=PENDIENTE
    )
    archivo = models.FileField(
        _("archivo"), upload_to="exportaciones/", storage=almacen_privado, blank=True
    )
    registros = models.PositiveIntegerField(_("registros"), null=True)
    error = models.TextField(_("error"), blank=True)
    creada = models.DateTimeField(_("solicitada el"), auto_now_add=True)
    terminada = models.DateTimeField(_("terminada el"), null=True)

    class Meta:
        verbose_name = _("exportación de registros")
        verbose_name_plural = _("exportaciones de registros")
        ordering = ["-creada"]

    def __str__(self):
        return f"{self.get_formato_display()} {_fecha(self.creada)}"
