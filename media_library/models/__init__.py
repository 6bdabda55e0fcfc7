"""The media library's models, one module per subject; importable from here."""

from .galeria import GaleriaPage, documento_publico, imagenes_publicas
from .medios import DatosDeMedio, Documento, FiltrosDeMedios, Imagen, ImagenRendition
from .musica import Musica
from .programa import Entrevistado, MaterialBruto, ProgramaVideo
from .video import (
    TrabajoVideo,
    VideoIndexPage,
    VideoPage,
    VideoPageForm,
    VideoRendicion,
    validar_webvtt,
)

__all__ = [
    "DatosDeMedio",
    "Entrevistado",
    "MaterialBruto",
    "ProgramaVideo",
    "Documento",
    "documento_publico",
    "FiltrosDeMedios",
    "GaleriaPage",
    "Imagen",
    "ImagenRendition",
    "imagenes_publicas",
    "Musica",
    "TrabajoVideo",
    "VideoIndexPage",
    "VideoPage",
    "VideoPageForm",
    "VideoRendicion",
    "validar_webvtt",
]
