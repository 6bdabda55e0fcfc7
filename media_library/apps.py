from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediateca")

    def ready(self):
        from archivo.registro import registrar

        from .models import Documento, Imagen

        # A photo or document becomes a record when a published item uses it.
        registrar(Imagen, serie="9C.4", tipo=_("Fotografía"))  # Fotografías
        registrar(Documento, serie="9C.5", tipo=_("Documento"))  # Archivo electrónico
        # VideoPage (media-library issue): registrar(VideoPage, serie="9C.6",
        # tipo=_("Video")) here, once the model exists.
