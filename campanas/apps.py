from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo
from cms import indicadores


class CampanasConfig(AppConfig):
    name = "campanas"
    verbose_name = _("Campañas")

    def ready(self):
        from .indicadores import INDICADORES  # noqa: PLC0415 — it imports models

        for clase in INDICADORES:
            indicadores.registrar(clase)
        from .models import CampanaPage, Evidencia  # noqa: PLC0415 — models load after apps.py

        archivo.register(
            CampanaPage,
            serie="9C.1",  # Publicaciones en redes sociales
            tipo=_("Campaña"),
        )
        # Each post's evidence is a record of the same series (3 years).
        archivo.register(
            Evidencia,
            serie="9C.1",  # Publicaciones en redes sociales
            tipo=_("Evidencia de publicación"),
            area=lambda evidencia: evidencia.campana.area or "",
        )
