from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo
from cms import indicadores


class MonitoreoConfig(AppConfig):
    """The monitoring desk; its reports and channelled mentions are records."""

    name = "monitoreo"
    verbose_name = _("Monitoreo")

    def ready(self):
        from . import signal_handlers  # noqa: PLC0415 — receivers connect once apps are ready
        from .indicadores import INDICADORES  # noqa: PLC0415 — it imports models
        from .models import Mencion, ReporteMonitoreo  # noqa: PLC0415 — models load after apps.py

        signal_handlers.conectar()
        for clase in INDICADORES:
            indicadores.registrar(clase)
        # «Monitoreo de medios de comunicación» (ISSSTESON P03 inventory), 1 year.
        archivo.register(
            ReporteMonitoreo,
            serie="9C.9",
            tipo=_("Reporte de monitoreo"),
            folio=lambda reporte: reporte.fecha.strftime("%Y-%m-%d"),
            adjuntos=archivo.archivos_propios("pdf"),  # the PDF that was sent
        )
        # A mention becomes a record when it is channelled («Formato de monitoreo»).
        archivo.register(
            Mencion,
            serie="9C.9",
            tipo=_("Mención canalizada"),
            area=lambda mencion: mencion.area or "",
            adjuntos=lambda mencion: [],
        )
