"""ffprobe's check of a video master: container, codec, duration and size."""

import json
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

ALTO_MINIMO = 720
FORMATOS_DE_IMAGEN = {"image2", "png_pipe", "jpeg_pipe", "gif", "webp_pipe", "bmp_pipe"}
CODECS_DE_IMAGEN = {"png", "mjpeg", "gif", "bmp", "webp", "tiff"}


class VideoInvalido(Exception):
    """The file is not a video the office can publish; the message says why."""


def _ejecutar(comando, timeout=None):
    return subprocess.run(
        comando, capture_output=True, text=True, timeout=timeout, check=False
    )


def analizar(ruta, alto_minimo=ALTO_MINIMO):
    """Container, codec, duration and size of ``ruta``, or :class:`VideoInvalido`.

    A master must be at least 720p: the finals are 720p and 1080p.
    """
    try:
        salida = _ejecutar(
            [
                "ffprobe",
                "-v",
                "error",
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                str(ruta),
            ],
            timeout=120,
        )
    except FileNotFoundError as error:  # pragma: no cover - install step missing
        raise VideoInvalido(
            _("Falta ffprobe en el servidor: instala ffmpeg (make run lo instala).")
        ) from error
    datos = json.loads(salida.stdout or "{}") if salida.returncode == 0 else {}
    formato = datos.get("format", {})
    videos = [s for s in datos.get("streams", []) if s.get("codec_type") == "video"]
    if not videos:
        raise VideoInvalido(
            _("El archivo no es un video legible: sube un MP4, MOV, MKV o WebM.")
        )
    pista = videos[0]
    if (
        formato.get("format_name") in FORMATOS_DE_IMAGEN
        or pista.get("codec_name") in CODECS_DE_IMAGEN
    ):
        raise VideoInvalido(_("El archivo es una imagen, no un video."))
    try:
        duracion = float(formato.get("duration") or pista.get("duration") or 0)
    except ValueError:
        duracion = 0
    if duracion < 0.5:
        raise VideoInvalido(_("El video no tiene duración: el archivo está dañado."))
    if duracion > settings.VIDEO_MAX_DURACION:
        raise VideoInvalido(
            _("El video dura más de %(min)s minutos, el máximo permitido.")
            % {"min": settings.VIDEO_MAX_DURACION // 60}
        )
    ancho, alto = int(pista.get("width") or 0), int(pista.get("height") or 0)
    if min(ancho, alto) < alto_minimo:
        raise VideoInvalido(
            _(
                "El video mide %(ancho)s×%(alto)s: se necesita al menos 720p "
                "(1280×720) para la versión final."
            )
            % {"ancho": ancho, "alto": alto}
        )
    return {
        "duracion": round(duracion, 3),
        "ancho": ancho,
        "alto": alto,
        "codec": pista.get("codec_name", ""),
        "contenedor": formato.get("format_name", "")[:80],
        "tiene_audio": any(
            s.get("codec_type") == "audio" for s in datos.get("streams", [])
        ),
    }


def analizar_subida(archivo):
    """:func:`analizar` for an upload, in memory or in a temporary file."""
    if hasattr(archivo, "temporary_file_path"):
        datos = analizar(archivo.temporary_file_path())
    else:
        with tempfile.NamedTemporaryFile(suffix=Path(archivo.name).suffix) as copia:
            for trozo in archivo.chunks():
                copia.write(trozo)
            copia.flush()
            datos = analizar(copia.name)
    archivo.seek(0)
    datos.pop("tiene_audio")
    return datos
