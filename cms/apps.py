from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package: settings wiring, base templates, process commands."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from .administracion import campos  # noqa: PLC0415 — models load first
        from .cache import signal_handlers  # noqa: PLC0415

        signal_handlers.conectar()
        campos.registrar()
