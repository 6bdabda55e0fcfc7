from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchivoConfig(AppConfig):
    name = "archivo"
    verbose_name = _("Archivo")

    def ready(self):
        from . import eventos
        from .models import Disposicion
        from .registro import registrar

        eventos.conectar()
        # The act of disposal is itself a record (Ley General de Archivos).
        registrar(Disposicion, serie="9C.12", tipo=_("Acta de disposición"))
