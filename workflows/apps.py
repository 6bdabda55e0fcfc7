from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Flujos de aprobación")

    def ready(self):
        from . import (  # noqa: PLC0415 — they import models: after the registry
            correcciones,
            notificaciones,
        )

        notificaciones.conectar()
        correcciones.conectar()
