"""The monthly indicators report: the PDF the Titular signs and sends upward."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from archivo.almacenamiento import almacen_privado
from cms.indicadores import Periodo


class InformeIndicadores(models.Model):
    """One month's «Informe mensual de indicadores», as generated; a record."""

    periodo_inicio = models.DateField(_("mes"))
    generado_en = models.DateTimeField(_("generado el"), auto_now_add=True)
    generado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("generado por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(
        _("PDF"), upload_to="indicadores/%Y/%m/", storage=almacen_privado
    )

    class Meta:
        verbose_name = _("informe mensual de indicadores")
        verbose_name_plural = _("informes mensuales de indicadores")
        ordering = ["-periodo_inicio", "-generado_en"]
        permissions = [
            ("ver_indicadores", _("Puede ver el tablero de indicadores")),
        ]

    def __str__(self):
        return _("Informe mensual de indicadores de %(mes)s") % {
            "mes": Periodo(self.periodo_inicio)
        }

    @property
    def title(self):
        """The title archivo gives the record."""
        return str(self)
