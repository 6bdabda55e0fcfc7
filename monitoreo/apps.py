from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo
from cms import indicadores
from workflows import publicacion


class MonitoreoConfig(AppConfig):
    """The monitoring desk; its reports and channelled mentions are records."""

    name = "monitoreo"
    verbose_name = _("Monitoreo")

    def ready(self):
        from . import signal_handlers  # noqa: PLC0415 — receivers connect once apps are ready
        from .indicadores import INDICADORES  # noqa: PLC0415 — it imports models
        from .models import (  # noqa: PLC0415 — models load after apps.py
            Mencion,
            ReporteMonitoreo,
            Sintesis,
        )
        from .sintesis import resumen_de_envio  # noqa: PLC0415

        signal_handlers.conectar()
        publicacion.registrar_resumen(resumen_de_envio)
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
        # «Síntesis informativa» (ISSSTESON P04 inventory), 1 year: the PDF that
        # was sent and its sending log, in the manual's yearly/monthly folders.
        archivo.register(
            Sintesis,
            serie="9C.10",
            tipo=_("Síntesis informativa"),
            folio=lambda sintesis: sintesis.fecha.strftime("%Y-%m-%d"),
            adjuntos=_archivos_del_envio,
            carpeta=lambda sintesis: f"sintesis/{sintesis.fecha:%Y/%m}",
        )


def _archivos_del_envio(sintesis):
    control = getattr(sintesis, "control", None)
    if control is None:
        return []
    return archivo.archivos_propios("pdf", "bitacora")(control)
