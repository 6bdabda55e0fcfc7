from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo


class BoletinesConfig(AppConfig):
    name = "boletines"
    verbose_name = _("Boletines")

    def ready(self):
        from . import distribucion, folios
        from .models import BoletinPage

        folios.conectar()
        distribucion.conectar()
        archivo.register(
            BoletinPage,
            serie="9C.3",  # Formato Boletín Informativo
            tipo=_("Boletín"),
            folio=lambda boletin: boletin.folio_texto,
            area=lambda boletin: boletin.area,
        )
