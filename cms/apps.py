from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package: settings wiring, base templates, process commands."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from . import cache_publico

        cache_publico.conectar()
