from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo


class IndicadoresConfig(AppConfig):
    """The indicators dashboard; the monthly report it prints is a record."""

    name = "indicadores"
    verbose_name = _("Indicadores")

    def ready(self):
        from .models import InformeIndicadores  # noqa: PLC0415 — models load after apps.py

        archivo.register(
            InformeIndicadores,
            serie="9C.13",  # Informes de indicadores
            tipo=_("Informe mensual de indicadores"),
            folio=lambda informe: informe.periodo_inicio.strftime("%Y-%m"),
            adjuntos=archivo.archivos_propios("pdf"),
        )
