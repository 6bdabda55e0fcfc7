"""The video pipeline: ffmpeg makes the preview and the finals, as queued jobs.

Procedure P01 (ISSSTESON): approvers watch a low-quality export; the authorised
video is exported in high quality with the institution's logo top-right for its
whole duration (except boletín videos) and a large closing logo. Here:

- saving a video with a new master file queues the *vista previa* job: a 480p
  H.264 file and a poster frame, without logo;
- publishing it (the last approval, or the scheduler) queues the *final* job:
  720p and 1080p H.264/AAC MP4 with ``faststart``, the logo overlaid top-right
  and a 3-second closing card with the large logo on white; a video of type
  *boletín* carries no logo at all, closing card included (P01 Pol. 5: "no se
  colocará el logotipo").

Each job is a :class:`~media_library.models.TrabajoVideo` row: its progress is
updated while ffmpeg runs, its error kept when it fails, and a conditional
unique constraint keeps two jobs for the same result from running at once.
Files are read from and written to the default storage, local or S3.
"""

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
from django_tasks import task
from wagtail.models import Site

from home.models import InstitucionSettings

from .ffprobe import analizar
from .models import TrabajoVideo, VideoPage, VideoRendicion

logger = logging.getLogger(__name__)


FINALES = (("1080p", 1080), ("720p", 720))
SEGUNDOS_DE_CIERRE = 3


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
                settings.VIDEO_X264_PRESET,
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
    sitio = Site.objects.filter(is_default_site=True).first()
    institucion = InstitucionSettings.for_site(sitio) if sitio else None
    if not institucion or not institucion.logo:
        return None
    rendicion = institucion.logo.get_rendition("max-800x800|format-png")
    ruta = Path(carpeta) / "logo.png"
    with rendicion.file.open("rb") as origen, open(ruta, "wb") as destino:
        shutil.copyfileobj(origen, destino)
    return ruta


def _codificar(salida):
    """The finals' encoding: H.264 and AAC, ready to stream."""
    return [
        "-c:v",
        "libx264",
        "-preset",
        settings.VIDEO_X264_PRESET,
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


def argumentos_sin_logo(maestro, datos, alto, salida):
    """A boletín video's final: the master scaled, no logo anywhere (P01 Pol. 5)."""
    ancho = _par(alto * datos["ancho"] / datos["alto"])
    entradas = ["-i", maestro]
    filtros = [f"[0:v]scale={ancho}:{alto},setsar=1,fps=30,format=yuv420p[v]"]
    if datos["tiene_audio"]:
        filtros.append("[0:a]aresample=48000,aformat=channel_layouts=stereo[a]")
    else:
        entradas += [
            "-f",
            "lavfi",
            "-i",
            f"anullsrc=r=48000:cl=stereo:d={datos['duracion']}",
        ]
        filtros.append("[1:a]anull[a]")
    return ancho, [
        *entradas,
        "-filter_complex",
        ";".join(filtros),
        "-map",
        "[v]",
        "-map",
        "[a]",
        "-t",
        str(datos["duracion"]),
        *_codificar(salida),
    ]


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
        *_codificar(salida),
    ]


def finales(trabajo, video, carpeta):
    """720p and 1080p with the logo rule: the corner logo and the closing card,
    or, for a boletín video, no logo at all."""
    con_logo = video.lleva_logo
    with en_disco(trabajo.origen) as maestro:
        datos = analizar(maestro)
        logo = _logo_png(carpeta) if con_logo else None
        total = datos["duracion"] + (SEGUNDOS_DE_CIERRE if con_logo else 0)
        hechos = []
        for indice, (calidad, alto) in enumerate(FINALES):
            salida = Path(carpeta) / f"{calidad}.mp4"
            if con_logo:
                ancho, argumentos = argumentos_finales(
                    maestro, logo, datos, alto, bool(logo), salida
                )
            else:
                ancho, argumentos = argumentos_sin_logo(maestro, datos, alto, salida)
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
    if trabajo.estado != TrabajoVideo.FALLIDO:
        return None
    return encolar(trabajo.video, trabajo.tipo, trabajo.origen)
