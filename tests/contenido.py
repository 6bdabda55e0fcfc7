"""Content the public-page tests add to the demo institution."""

from django.core.files.base import ContentFile

from media_library.models import VideoIndexPage, VideoPage


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
