"""Content the public-page tests add to the demo institution."""

import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile

from demo.media_library import dibujar_foto
from media_library.models import VideoIndexPage, VideoPage, VideoRendicion


def publicar_video_con_subtitulos():
    """A published video with captions (the demo's real clip needs ffmpeg time)."""
    video = VideoPage(
        title="Mensaje de bienvenida",
        slug="mensaje-de-bienvenida",
        tipo="evento",
        descripcion="La directora general da la bienvenida al ciclo escolar.",
        archivo_maestro=ContentFile(b"x", name="m.mp4"),
        subtitulos=ContentFile(
            b"WEBVTT\n\n00:00.000 --> 00:04.000\nBienvenidas y bienvenidos.\n",
            name="bienvenida.vtt",
        ),
    )
    VideoIndexPage.objects.get().add_child(instance=video)
    video.save_revision().publish()
    return video


def dar_version_final(video):
    """A real 720p clip and a poster for ``video``, as the pipeline leaves them."""
    with tempfile.TemporaryDirectory() as carpeta:
        salida = Path(carpeta) / "final.mp4"
        subprocess.run(
            [
                "ffmpeg", "-y", "-v", "error", "-f", "lavfi",
                "-i", "color=c=0x6a1b31:s=1280x720:d=1", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(salida),
            ],
            check=True,
        )  # fmt: skip
        contenido = salida.read_bytes()
    origen = video.archivo_maestro.name
    for calidad, archivo in [
        (VideoRendicion.P720, ContentFile(contenido, name="final-720p.mp4")),
        (VideoRendicion.POSTER, ContentFile(dibujar_foto(video.title, 1280, 720),
                                            name="poster.jpg")),
    ]:  # fmt: skip
        VideoRendicion.objects.create(
            video=video, origen=origen, calidad=calidad, archivo=archivo,
            ancho=1280, alto=720,
        )  # fmt: skip
    return video
