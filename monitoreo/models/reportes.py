"""The daily monitoring report and the list it is sent to (ISSSTESON P03)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class DestinatarioReporte(models.Model):
    """A person of the Director General's list who receives the daily report."""

    nombre = models.CharField(_("nombre"), max_length=255)
    correo = models.EmailField(_("correo electrónico"), unique=True)
    activo = models.BooleanField(_("activo"), default=True)

    panels = [FieldRowPanel([FieldPanel("nombre"), FieldPanel("correo")]), "activo"]

    class Meta:
        verbose_name = _("destinatario del reporte diario")
        verbose_name_plural = _("destinatarios del reporte diario")
        ordering = ["nombre"]

    def __str__(self):
        return f"{self.nombre} <{self.correo}>"


class ReporteMonitoreo(models.Model):
    """One day's monitoring report: generated, reviewed by the head, sent, kept."""

    fecha = models.DateField(_("fecha"), unique=True)
    generado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("generado por"),
    )
    generado_en = models.DateTimeField(_("generado"), auto_now_add=True)
    observaciones = models.TextField(_("observaciones de la jefatura"), blank=True)
    enviado_en = models.DateTimeField(_("enviado"), null=True, blank=True)
    enviado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enviado por"),
    )
    destinatarios = models.TextField(_("destinatarios"), blank=True)
    asunto = models.CharField(_("asunto"), max_length=255, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="monitoreo/reportes/%Y/%m/", blank=True)

    panels = [FieldPanel("fecha"), FieldPanel("observaciones")]

    class Meta:
        verbose_name = _("reporte de monitoreo")
        verbose_name_plural = _("reportes de monitoreo")
        ordering = ["-fecha"]
        permissions = [("enviar_reporte", _("Enviar el reporte diario"))]

    def __str__(self):
        return _("Reporte de monitoreo del %(fecha)s") % {
            "fecha": self.fecha.strftime("%d/%m/%Y")
        }

    @property
    def title(self):
        """The title archivo gives the record."""
        return str(self)
