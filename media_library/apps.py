from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

import archivo


class MediaLibraryConfig(AppConfig):
    name = "media_library"
    verbose_name = _("Mediateca")

    def ready(self):
        from . import signal_handlers  # noqa: PLC0415 — receivers connect once apps are ready
        from .models import Documento, Imagen, VideoPage  # noqa: PLC0415 — models load after apps.py
        from .politicas import registrar_politicas  # noqa: PLC0415 — it imports models

        signal_handlers.conectar()
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
            adjuntos=archivos_del_video,
        )


class ArchivoDeVideo:
    """A video's own file (master, captions) as the record's snapshot reads it."""

    def __init__(self, video, campo):
        self.file = getattr(video, campo)
        self.pk = f"{video.pk}-{campo}"
        self._meta = type(video)._meta
        self.file_size = None
        self.nombre = f"{video.title} ({campo})"

    def __str__(self):
        return self.nombre


def archivos_del_video(video):
    """The master file and the captions: what the SHA-256 of the record covers."""
    return [
        ArchivoDeVideo(video, campo)
        for campo in ("archivo_maestro", "subtitulos")
        if getattr(video, campo)
    ]
