"""The video pipeline: ffprobe checks the master, ffmpeg makes preview and finals.

Procedure P01 (ISSSTESON): approvers watch a low-quality export; the authorised
video is exported in high quality with the institution's logo top-right for its
whole duration (except boletín videos) and a large closing logo. Here:

- saving a video with a new master file queues the *vista previa* job: a 480p
  H.264 file and a poster frame, without logo;
- publishing it (the last approval, or the scheduler) queues the *final* job:
  720p and 1080p H.264/AAC MP4 with ``faststart``, the logo overlaid top-right
  unless the video is of type *boletín*, and a 3-second closing card with the
  large logo on white.

Each job is a :class:`~media_library.models.TrabajoVideo` row: its progress is
updated while ffmpeg runs, its error kept when it fails, and a conditional
unique constraint keeps two jobs for the same result from running at once.
Files are read from and written to the default storage, local or S3.
"""

import json
import logging
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger(__name__)

ALTO_MINIMO = 720
FORMATOS_DE_IMAGEN = {"image2", "png_pipe", "jpeg_pipe", "gif", "webp_pipe", "bmp_pipe"}
CODECS_DE_IMAGEN = {"png", "mjpeg", "gif", "bmp", "webp", "tiff"}
FINALES = (("1080p", 1080), ("720p", 720))
SEGUNDOS_DE_CIERRE = 3


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


@contextmanager
def en_disco(nombre):
    """A local path for the stored file ``nombre`` (downloaded from S3 if needed)."""
    try:
        ruta = default_storage.path(nombre)
    except NotImplementedError:
        ruta = None
    if ruta:
        yield ruta
        return
    with tempfile.NamedTemporaryFile(suffix=Path(nombre).suffix) as copia:
        with default_storage.open(nombre, "rb") as original:
            shutil.copyfileobj(original, copia, 1024 * 1024)
        copia.flush()
        yield copia.name


def encolar(video, tipo, origen=None):
    """Queue ``tipo`` for ``video``'s master ``origen``; ``None`` if one is active."""
    from .models import TrabajoVideo

    origen = origen or video.archivo_maestro.name
    try:
        with transaction.atomic():
            trabajo = TrabajoVideo.objects.create(video=video, origen=origen, tipo=tipo)
    except IntegrityError:
        return None
    transaction.on_commit(lambda: procesar.enqueue(trabajo.pk))
    return trabajo


class _Progreso:
    """Turns ffmpeg's ``-progress`` lines into the job's percentage, once a second."""

    def __init__(self, trabajo, total, desde=0, hasta=100):
        self.trabajo, self.total = trabajo, max(total, 0.001)
        self.desde, self.hasta, self.ultimo = desde, hasta, 0.0

    def linea(self, texto):
        clave, _, valor = texto.strip().partition("=")
        if clave != "out_time_us" or not valor.isdigit():
            return
        fraccion = min(int(valor) / 1e6 / self.total, 1)
        if time.monotonic() - self.ultimo >= 1:
            self.ultimo = time.monotonic()
            porcentaje = self.desde + fraccion * (self.hasta - self.desde)
            type(self.trabajo).objects.filter(pk=self.trabajo.pk).update(
                progreso=int(porcentaje)
            )


def _ffmpeg(argumentos, progreso=None):
    comando = ["ffmpeg", "-y", "-v", "error", "-nostdin"]
    if progreso:
        comando += ["-progress", "pipe:1", "-nostats"]
    proceso = subprocess.Popen(
        comando + argumentos,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for linea in proceso.stdout:
        if progreso:
            progreso.linea(linea)
    errores = proceso.stderr.read()
    if proceso.wait() != 0:
        raise RuntimeError(f"ffmpeg terminó con error: {errores.strip()[-1500:]}")


def _guardar(trabajo, ruta, calidad, ancho, alto, con_logo=False):
    """Store ``ruta`` as the job's rendition; no row points at a missing file."""
    from .models import VideoRendicion

    VideoRendicion.objects.filter(
        video_id=trabajo.video_id, origen=trabajo.origen, calidad=calidad
    ).delete()
    rendicion = VideoRendicion(
        video_id=trabajo.video_id,
        origen=trabajo.origen,
        calidad=calidad,
        ancho=ancho,
        alto=alto,
        con_logo=con_logo,
    )
    base = Path(trabajo.origen).stem
    with open(ruta, "rb") as archivo:
        rendicion.archivo.save(
            f"{base}-{calidad}{Path(ruta).suffix}", File(archivo), save=False
        )
    try:
        rendicion.save()
    except Exception:
        rendicion.archivo.delete(save=False)
        raise
    return rendicion


def _par(numero):
    return max(2, int(round(numero / 2)) * 2)


def vista_previa(trabajo, carpeta):
    """480p H.264 for the approvers, and a poster frame."""
    with en_disco(trabajo.origen) as maestro:
        datos = analizar(maestro)
        salida = Path(carpeta) / "previa.mp4"
        alto = min(480, datos["alto"])
        ancho = _par(alto * datos["ancho"] / datos["alto"])
        _ffmpeg(
            [
                "-i",
                maestro,
                "-vf",
                f"scale={ancho}:{alto},setsar=1,format=yuv420p",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "30",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                "-movflags",
                "+faststart",
                str(salida),
            ],
            _Progreso(trabajo, datos["duracion"], 0, 90),
        )
        portada = Path(carpeta) / "portada.jpg"
        _ffmpeg(
            [
                "-ss",
                str(min(1.0, datos["duracion"] / 2)),
                "-i",
                maestro,
                "-frames:v",
                "1",
                "-vf",
                "scale=-2:720",
                str(portada),
            ]
        )
    _guardar(trabajo, salida, "previa", ancho, alto)
    _guardar(
        trabajo, portada, "poster", _par(720 * datos["ancho"] / datos["alto"]), 720
    )


def _logo_png(carpeta):
    """The institution's logo as a PNG file, or ``None`` when it has none."""
    from wagtail.models import Site

    from home.models import InstitucionSettings

    sitio = Site.objects.filter(is_default_site=True).first()
    institucion = InstitucionSettings.for_site(sitio) if sitio else None
    if not institucion or not institucion.logo:
        return None
    rendicion = institucion.logo.get_rendition("max-800x800|format-png")
    ruta = Path(carpeta) / "logo.png"
    with rendicion.file.open("rb") as origen, open(ruta, "wb") as destino:
        shutil.copyfileobj(origen, destino)
    return ruta


def argumentos_finales(maestro, logo, datos, alto, con_logo, salida):
    """ffmpeg's arguments for one final rendition (see the module's docstring)."""
    ancho = _par(alto * datos["ancho"] / datos["alto"])
    margen = _par(alto * 0.04)
    entradas = ["-i", maestro]
    filtros = [f"[0:v]scale={ancho}:{alto},setsar=1,fps=30,format=yuv420p[base]"]
    if logo:
        entradas += ["-i", str(logo)]
        filtros.append("[1:v]format=rgba,split=2[lc][lg]")
        if con_logo:
            filtros += [
                f"[lc]scale={_par(ancho * 0.12)}:-1[chico]",
                f"[base][chico]overlay=W-w-{margen}:{margen}[principal]",
            ]
        else:
            filtros += ["[lc]nullsink", "[base]null[principal]"]
    else:
        filtros.append("[base]null[principal]")
    fondo = len(entradas) // 2
    entradas += [
        "-f",
        "lavfi",
        "-i",
        f"color=c=white:s={ancho}x{alto}:r=30:d={SEGUNDOS_DE_CIERRE}",
        "-f",
        "lavfi",
        "-i",
        f"anullsrc=r=48000:cl=stereo:d={datos['duracion'] + SEGUNDOS_DE_CIERRE}",
    ]
    silencio = fondo + 1
    if logo:
        filtros += [
            f"[lg]scale={_par(ancho * 0.45)}:-1[grande]",
            f"[{fondo}:v][grande]overlay=(W-w)/2:(H-h)/2,format=yuv420p,setsar=1"
            "[cierre]",
        ]
    else:
        filtros.append(f"[{fondo}:v]format=yuv420p,setsar=1[cierre]")
    filtros.append(f"[{silencio}:a]asplit=2[s0][s1]")
    if datos["tiene_audio"]:
        filtros += [
            "[0:a]aresample=48000,aformat=channel_layouts=stereo[a0]",
            "[s0]anullsink",
        ]
    else:
        filtros.append(
            f"[s0]atrim=duration={datos['duracion']},asetpts=PTS-STARTPTS[a0]"
        )
    filtros += [
        f"[s1]atrim=duration={SEGUNDOS_DE_CIERRE},asetpts=PTS-STARTPTS[a1]",
        "[principal][a0][cierre][a1]concat=n=2:v=1:a=1[v][a]",
    ]
    return ancho, [
        *entradas,
        "-filter_complex",
        ";".join(filtros),
        "-map",
        "[v]",
        "-map",
        "[a]",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "22",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-b:a",
        "128k",
        "-movflags",
        "+faststart",
        str(salida),
    ]


def finales(trabajo, video, carpeta):
    """720p and 1080p with the logo rule, and the closing card."""
    con_logo = video.lleva_logo
    with en_disco(trabajo.origen) as maestro:
        datos = analizar(maestro)
        logo = _logo_png(carpeta)
        total = datos["duracion"] + SEGUNDOS_DE_CIERRE
        hechos = []
        for indice, (calidad, alto) in enumerate(FINALES):
            salida = Path(carpeta) / f"{calidad}.mp4"
            ancho, argumentos = argumentos_finales(
                maestro, logo, datos, alto, con_logo and bool(logo), salida
            )
            tramo = 100 / len(FINALES)
            _ffmpeg(
                argumentos,
                _Progreso(trabajo, total, indice * tramo, (indice + 1) * tramo),
            )
            hechos.append((salida, calidad, ancho, alto))
    for salida, calidad, ancho, alto in hechos:
        _guardar(
            trabajo, salida, calidad, ancho, alto, con_logo=con_logo and bool(logo)
        )


@task()
def procesar(trabajo_pk):
    """Run one job; its row holds the outcome, a failure can be retried."""
    from .models import TrabajoVideo, VideoPage

    reclamado = TrabajoVideo.objects.filter(
        pk=trabajo_pk, estado=TrabajoVideo.EN_COLA
    ).update(estado=TrabajoVideo.PROCESANDO, iniciado=timezone.now(), progreso=0)
    if not reclamado:
        return None
    trabajo = TrabajoVideo.objects.get(pk=trabajo_pk)
    try:
        with tempfile.TemporaryDirectory(prefix="video-") as carpeta:
            if trabajo.tipo == TrabajoVideo.VISTA_PREVIA:
                vista_previa(trabajo, carpeta)
            else:
                video = VideoPage.objects.get(pk=trabajo.video_id)
                finales(trabajo, video, carpeta)
    except Exception as error:
        logger.exception("Falló %s", trabajo)
        trabajo.estado = TrabajoVideo.FALLIDO
        trabajo.error = str(error)[:4000] or type(error).__name__
    else:
        trabajo.estado, trabajo.progreso = TrabajoVideo.TERMINADO, 100
    trabajo.terminado = timezone.now()
    trabajo.save(update_fields=["estado", "progreso", "error", "terminado"])
    return trabajo.estado


def reintentar(trabajo):
    """A failed job's retry: a new job for the same master and result."""
    from .models import TrabajoVideo

    if trabajo.estado != TrabajoVideo.FALLIDO:
        return None
    return encolar(trabajo.video, trabajo.tipo, trabajo.origen)
