from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo
from cms import indicadores
from workflows import publicacion


class BoletinesConfig(AppConfig):
    name = "boletines"
    verbose_name = _("Boletines")

    def ready(self):
        from . import signal_handlers  # noqa: PLC0415 — receivers connect once apps are ready
        from .distribucion import resumen_de_envio  # noqa: PLC0415
        from .indicadores import BoletinesProgramadosPublicados  # noqa: PLC0415
        from .models import BoletinPage  # noqa: PLC0415 — models load after apps.py

        signal_handlers.conectar()
        for clase in (BoletinesProgramadosPublicados,):
            indicadores.registrar(clase)
        publicacion.registrar_resumen(resumen_de_envio)
        archivo.register(
            BoletinPage,
            serie="9C.3",  # Formato Boletín Informativo
            tipo=_("Boletín"),
            folio=lambda boletin: boletin.folio_texto,
            area=lambda boletin: boletin.area,
        )
