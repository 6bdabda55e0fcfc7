from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoletinesConfig(AppConfig):
    name = "boletines"
    verbose_name = _("Boletines")

    def ready(self):
        from . import distribucion, folios

        folios.conectar()
        distribucion.conectar()
