from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo
from cms import indicadores


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediateca")

    def ready(self):
        from . import signal_handlers  # noqa: PLC0415 — receivers connect once apps are ready
        from .indicadores import INDICADORES  # noqa: PLC0415 — it imports models
        from .models import Documento, Imagen, VideoPage  # noqa: PLC0415 — models load after apps.py
        from .politicas import registrar_politicas  # noqa: PLC0415 — it imports models

        signal_handlers.conectar()
        for clase in INDICADORES:
            indicadores.registrar(clase)
        registrar_politicas(Imagen, Documento)
        # A photo or document becomes a record when a published item uses it.
        archivo.register(Imagen, serie="9C.4", tipo=_("Fotografía"))  # Fotografías
        archivo.register(
            Documento, serie="9C.5", tipo=_("Documento")
        )  # Archivo electrónico
        archivo.register(
            VideoPage,
            serie="9C.6",  # Vídeo
            tipo=_("Video"),
            area=lambda video: video.area or "",
            # Its master and captions: what the SHA-256 of the record covers.
            adjuntos=archivo.archivos_propios("archivo_maestro", "subtitulos"),
        )
