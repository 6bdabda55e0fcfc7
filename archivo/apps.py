from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchivoConfig(AppConfig):
    name = "archivo"
    verbose_name = _("Archivo")

    def ready(self):
        from . import eventos

        eventos.conectar()
