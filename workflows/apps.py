from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Flujos de aprobación")

    def ready(self):
        from . import signal_handlers  # noqa: PLC0415 — models load first

        signal_handlers.conectar()
