"""The records service: content registers itself with ``archivo.register``."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchivoConfig(AppConfig):
    """Connects the record keeping to Wagtail's publication signals."""

    name = "archivo"
    verbose_name = _("Archivo")

    def ready(self):
        """Wire the signal handlers once every model is loaded."""
        from . import signal_handlers  # noqa: PLC0415 — it imports models, loaded only now

        signal_handlers.conectar()
