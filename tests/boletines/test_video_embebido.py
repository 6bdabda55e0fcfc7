"""A boletín's body embeds a video from the media library with its final renditions."""

import pytest
from django.core.files.base import ContentFile
from wagtail.rich_text import RichText

from boletines.models import BoletinPage
from demo.home import publicar
from media_library.models import VideoIndexPage, VideoPage, VideoRendicion
from tests.factories import BoletinPageFactory


@pytest.fixture
def boletin(institucion_compartida):
    """A live boletín with its photo, whose body will embed a video."""
    return BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, con_fotos=True
    )


def _video(titulo, vivo=True):
    video = VideoPage(
        title=titulo,
        slug=titulo.lower().replace(" ", "-"),
        tipo="evento",
        descripcion="Video del evento.",
        archivo_maestro=ContentFile(b"maestro", name="maestro.mp4"),
        subtitulos=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHola\n", "s.vtt"),
        live=False,
    )
    VideoIndexPage.objects.get().add_child(instance=video)
    if vivo:
        publicar(video)
    for calidad, alto in (("720p", 720), ("1080p", 1080), ("previa", 480)):
        rendicion = VideoRendicion(
            video=video,
            origen=video.archivo_maestro.name,
            calidad=calidad,
            ancho=alto * 16 // 9,
            alto=alto,
        )
        rendicion.archivo.save(f"{calidad}.mp4", ContentFile(b"mp4"), save=False)
        rendicion.save()
    return video


def _boletin_con(video):
    boletin = BoletinPage.objects.live().first()
    boletin.cuerpo = [
        ("parrafo", RichText("<p>Texto.</p>")),
        ("video", {"video": video, "pie": "Así fue la ceremonia"}),
    ]
    publicar(boletin)
    return boletin


def test_the_boletin_plays_the_library_videos_final_renditions(client, boletin):
    video = _video("Ceremonia de graduación")
    boletin = _boletin_con(video)

    html = client.get(boletin.url).content.decode()
    finales = {r.calidad: r.archivo.url for r in video.renditions.all()}
    assert "<video" in html and "Así fue la ceremonia" in html
    assert finales["1080p"] in html and finales["720p"] in html
    assert finales["previa"] not in html
    assert f'<track kind="captions" src="{video.subtitulos.url}"' in html


def test_an_unpublished_video_is_not_shown_in_the_boletin(client, boletin):
    boletin = _boletin_con(_video("Video aún en revisión", vivo=False))

    html = client.get(boletin.url).content.decode()
    assert "<video" not in html and "Video aún en revisión" not in html
