"""Institutional videos: upload checks, approval preview, finals with the logo."""

import hashlib
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageChops, ImageStat

from archivo.models import Registro
from media_library import pipeline
from media_library.models import TrabajoVideo, VideoIndexPage, VideoPage
from tests.admin import accion, cliente, denegada
from tests.factories.ajustes import poner_logo

VTT = b"WEBVTT\n\n00:00.000 --> 00:01.000\nBienvenidos al CETEC.\n"


def generar_clip(ruta, segundos=1.5, tamano="1280x720", fuente="testsrc"):
    """A short H.264/AAC clip drawn by ffmpeg: test pattern and a tone."""
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"{fuente}=size={tamano}:rate=30:duration={segundos}",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={segundos}",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest",
            str(ruta),
        ],
        check=True,
    )
    return Path(ruta)


@pytest.fixture(scope="session")
def clip(tmp_path_factory):
    return generar_clip(tmp_path_factory.mktemp("clips") / "clip.mp4")


@pytest.fixture
def videoteca(institucion_compartida):
    """The videos section, and the institution's logo for the finals."""
    poner_logo(institucion_compartida.sitio)
    return institucion_compartida.videoteca


def _subida(ruta, nombre=None):
    return SimpleUploadedFile(
        nombre or Path(ruta).name, Path(ruta).read_bytes(), "video/mp4"
    )


def _datos(titulo, archivo, tipo="evento", **extra):
    return {
        "title": titulo,
        "slug": titulo.lower().replace(" ", "-"),
        "tipo": tipo,
        "archivo_maestro": archivo,
        "descripcion": "Recorrido por los talleres del plantel.",
        "transcripcion": "Bienvenidos al CETEC.",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **extra,
    }


def _crear(usuario, datos, capturar=None, enviar=True):
    seccion = VideoIndexPage.objects.get()
    url = reverse(
        "wagtailadmin_pages:add", args=("media_library", "videopage", seccion.pk)
    )
    if enviar:
        datos["action-submit"] = "Enviar"
    if capturar is None:
        return cliente(usuario).post(url, datos)
    with capturar(execute=True):
        return cliente(usuario).post(url, datos)


def _archivos(settings, carpeta):
    raiz = Path(settings.MEDIA_ROOT) / carpeta
    return (
        sorted(p.name for p in raiz.rglob("*") if p.is_file()) if raiz.exists() else []
    )


def test_an_uploaded_video_is_analysed_and_gets_a_preview_for_the_approvers(
    videoteca, clip, django_capture_on_commit_callbacks
):
    respuesta = _crear(
        "editor",
        _datos(
            "Recorrido por el plantel",
            _subida(clip),
            subtitulos=SimpleUploadedFile("s.vtt", VTT),
        ),
        django_capture_on_commit_callbacks,
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]

    video = VideoPage.objects.get(slug="recorrido-por-el-plantel")
    assert (video.ancho, video.alto, video.codec) == (1280, 720, "h264")
    assert video.duracion == pytest.approx(1.5, abs=0.1)
    (trabajo,) = video.trabajos.all()
    assert (trabajo.tipo, trabajo.estado, trabajo.progreso) == (
        "previa",
        "terminado",
        100,
    )
    previa = video.vista_previa
    assert (previa.alto, previa.ancho) == (480, 854)
    assert pipeline.analizar(previa.archivo.path, 0)["codec"] == "h264"
    assert video.poster is not None
    assert not video.finales  # nothing final before the authorisation

    # The approver sees the preview player in the editor and in the preview.
    revisora = cliente("coordinacion")
    edicion = revisora.get(reverse("wagtailadmin_pages:edit", args=(video.pk,)))
    assert previa.archivo.url in edicion.content.decode()
    vista = revisora.get(reverse("wagtailadmin_pages:view_draft", args=(video.pk,)))
    assert previa.archivo.url in vista.content.decode()


def test_authorisation_produces_finals_with_logo_and_the_public_page_plays_them(
    client, videoteca, clip, django_capture_on_commit_callbacks
):
    _crear(
        "editor",
        _datos(
            "Visita del gobernador",
            _subida(clip),
            subtitulos=SimpleUploadedFile("s.vtt", VTT),
        ),
        django_capture_on_commit_callbacks,
    )
    video = VideoPage.objects.get(slug="visita-del-gobernador")
    with django_capture_on_commit_callbacks(execute=True):
        accion("coordinacion", video, "approve", "")
        accion("titular", video, "approve", "")

    video = VideoPage.objects.get(pk=video.pk)
    assert video.live
    finales = {r.calidad: r for r in video.finales}
    assert {c: (r.ancho, r.alto) for c, r in finales.items()} == {
        "1080p": (1920, 1080),
        "720p": (1280, 720),
    }
    for rendicion in finales.values():
        datos = pipeline.analizar(rendicion.archivo.path)
        assert datos["codec"] == "h264" and datos["tiene_audio"]
        # The master plus the 3-second closing card.
        assert datos["duracion"] == pytest.approx(4.5, abs=0.2)
        assert _faststart(rendicion.archivo.path)
    final = video.trabajos.get(tipo="final")
    assert (final.estado, final.progreso) == ("terminado", 100)

    html = client.get(video.url).content.decode()
    assert finales["1080p"].archivo.url in html and finales["720p"].archivo.url in html
    assert video.vista_previa.archivo.url not in html  # the preview is not public
    assert f'<track kind="captions" src="{video.subtitulos.url}"' in html


def _faststart(ruta):
    """The ``moov`` atom comes before ``mdat``: the browser plays while loading."""
    cabeza = Path(ruta).read_bytes()[:4096]
    return 0 <= cabeza.find(b"moov") < (cabeza.find(b"mdat") % 10**9)


def _fotograma(ruta, segundo, destino):
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-v",
            "error",
            "-ss",
            str(segundo),
            "-i",
            str(ruta),
            "-frames:v",
            "1",
            "-vf",
            "scale=1280:720",
            str(destino),
        ],
        check=True,
    )
    return Image.open(destino).convert("RGB")


def _diferencia(a, b, caja):
    return sum(ImageStat.Stat(ImageChops.difference(a.crop(caja), b.crop(caja))).mean)


ESQUINA = (1080, 20, 1270, 180)  # top-right, where the logo goes
ABAJO = (20, 500, 300, 700)  # bottom-left, never touched


def _finales_de(tipo, titulo, clip, capturar):
    _crear("editor", _datos(titulo, _subida(clip), tipo=tipo), capturar)
    video = VideoPage.objects.get(title=titulo)
    with capturar(execute=True):
        accion("coordinacion", video, "approve", "")
        accion("titular", video, "approve", "")
    finales = VideoPage.objects.get(pk=video.pk).finales
    assert sorted(r.calidad for r in finales) == ["1080p", "720p"]
    return finales


def test_the_logo_is_on_every_video_but_boletin_videos_checked_on_pixels(
    videoteca, clip, django_capture_on_commit_callbacks, tmp_path
):
    """003 P01: the corner logo for the whole video and the large closing logo
    (2.8); a boletín video carries no logo at all, closing card included (Pol. 5)."""
    normales = _finales_de(
        "evento", "Video con logo", clip, django_capture_on_commit_callbacks
    )
    de_boletin = _finales_de(
        "boletin", "Video de boletin", clip, django_capture_on_commit_callbacks
    )
    assert all(r.con_logo for r in normales)
    assert not any(r.con_logo for r in de_boletin)

    original = _fotograma(clip, 0.5, tmp_path / "original.png")
    for rendicion in (*normales, *de_boletin):
        cuadro = _fotograma(rendicion.archivo.path, 0.5, tmp_path / "cuadro.png")
        # Top-right: the logo changes the picture in the normal video only.
        esquina = _diferencia(cuadro, original, ESQUINA)
        assert esquina > 40 if rendicion.con_logo else esquina < 12
        # Elsewhere it is the same picture as the master.
        assert _diferencia(cuadro, original, ABAJO) < 12
    for rendicion in normales:
        # A normal final ends with the large logo on white (the closing card).
        assert pipeline.analizar(rendicion.archivo.path)["duracion"] == pytest.approx(
            4.5, abs=0.2
        )
        cierre = _fotograma(rendicion.archivo.path, 3.5, tmp_path / "cierre.png")
        esquinas = [cierre.getpixel((5, 5)), cierre.getpixel((1274, 714))]
        assert all(min(pixel) > 235 for pixel in esquinas)
        centro = ImageStat.Stat(cierre.crop((540, 260, 740, 460))).mean
        assert min(centro) < 200  # the logo, not white
    for rendicion in de_boletin:
        # A boletín final is the master's length: no closing card.
        assert pipeline.analizar(rendicion.archivo.path)["duracion"] == pytest.approx(
            1.5, abs=0.2
        )
        final = _fotograma(rendicion.archivo.path, 1.4, tmp_path / "final.png")
        assert _diferencia(final, _fotograma(clip, 1.4, tmp_path / "o.png"), ABAJO) < 12


def _png_con_extension_mp4(tmp_path):
    ruta = tmp_path / "foto.mp4"
    Image.new("RGB", (1280, 720), "red").save(ruta, format="PNG")
    return ruta


@pytest.mark.parametrize(
    "caso, mensaje",
    [
        ("imagen", "es una imagen"),
        ("texto", "no es un video legible"),
        ("pequeno", "al menos 720p"),
    ],
)
def test_a_file_that_is_not_a_usable_video_is_refused_and_leaves_nothing(
    videoteca, settings, tmp_path, caso, mensaje, django_capture_on_commit_callbacks
):
    if caso == "imagen":
        archivo = _subida(_png_con_extension_mp4(tmp_path))
    elif caso == "texto":
        archivo = SimpleUploadedFile("video.mp4", b"no soy un video" * 100, "video/mp4")
    else:
        archivo = _subida(generar_clip(tmp_path / "chico.mp4", 1, "320x240"))
    respuesta = _crear(
        "editor", _datos("Video rechazado", archivo), django_capture_on_commit_callbacks
    )

    assert respuesta.status_code == 200
    assert mensaje in respuesta.content.decode()
    assert not VideoPage.objects.exists()
    assert not TrabajoVideo.objects.exists()
    assert _archivos(settings, "videos") == []


def test_invalid_captions_are_refused(
    videoteca, clip, django_capture_on_commit_callbacks
):
    malos = SimpleUploadedFile("s.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHola\n")
    respuesta = _crear(
        "editor",
        _datos("Video con SRT", _subida(clip), subtitulos=malos),
        django_capture_on_commit_callbacks,
    )
    assert respuesta.status_code == 200
    assert "empieza con «WEBVTT»" in respuesta.content.decode()
    assert not VideoPage.objects.exists()


def test_a_failed_job_shows_its_error_and_can_be_retried_and_never_runs_twice(
    videoteca, clip, settings, django_capture_on_commit_callbacks
):
    # Saved, its preview queued but not yet run (no commit callbacks here).
    _crear("editor", _datos("Video dañado", _subida(clip)), enviar=False)
    video = VideoPage.objects.get(title="Video dañado")
    (trabajo,) = video.trabajos.all()
    assert trabajo.estado == "en_cola"
    # The same result is never queued or run twice at once.
    assert pipeline.encolar(video, TrabajoVideo.VISTA_PREVIA) is None

    maestro = Path(video.archivo_maestro.path)
    bueno = maestro.read_bytes()
    maestro.write_bytes(b"\x00" * 2048)  # the stored file got damaged
    assert pipeline.procesar.call(trabajo.pk) == "fallido"
    assert pipeline.procesar.call(trabajo.pk) is None  # not claimed again
    trabajo.refresh_from_db()
    assert "no es un video legible" in trabajo.error
    assert not video.vista_previa

    listado = cliente("coordinacion").get(reverse("trabajos_video:index"))
    html = listado.content.decode()
    assert "no es un video legible" in html
    assert reverse("trabajos_video:reintentar", args=(trabajo.pk,)) in html

    maestro.write_bytes(bueno)
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente("coordinacion").post(
            reverse("trabajos_video:reintentar", args=(trabajo.pk,))
        )
    assert respuesta.status_code == 302
    assert video.trabajos.latest("creado").estado == "terminado"
    assert VideoPage.objects.get(pk=video.pk).vista_previa is not None


def test_editors_cannot_retry_jobs(videoteca, clip):
    _crear("editor", _datos("Video en cola", _subida(clip)), enviar=False)
    trabajo = TrabajoVideo.objects.get()
    trabajo.estado = "fallido"
    trabajo.save()
    respuesta = cliente("editor").post(
        reverse("trabajos_video:reintentar", args=(trabajo.pk,))
    )
    assert denegada(respuesta)
    assert TrabajoVideo.objects.count() == 1


def test_the_pipeline_reads_and_writes_s3(
    videoteca, clip, almacenamiento_s3, django_capture_on_commit_callbacks
):
    respuesta = _crear(
        "editor",
        _datos("Video en S3", _subida(clip)),
        django_capture_on_commit_callbacks,
    )
    assert respuesta.status_code == 302
    video = VideoPage.objects.get(title="Video en S3")
    assert almacenamiento_s3.exists(video.archivo_maestro.name)
    previa = video.vista_previa
    assert previa is not None and almacenamiento_s3.exists(previa.archivo.name)
    assert "X-Amz-Signature=" in previa.archivo.url


def test_a_published_video_is_a_record_with_the_hash_of_its_master(
    videoteca, clip, django_capture_on_commit_callbacks
):

    _crear(
        "editor",
        _datos("Video al archivo", _subida(clip)),
        django_capture_on_commit_callbacks,
    )
    video = VideoPage.objects.get(title="Video al archivo")
    with django_capture_on_commit_callbacks(execute=True):
        accion("coordinacion", video, "approve", "")
        accion("titular", video, "approve", "")

    registro = Registro.objects.de_objeto(video).get()
    assert registro.serie.codigo.endswith("9C.6") and registro.tipo == "Video"
    (archivo,) = registro.instantaneas.get().archivos
    assert archivo["sha256"] == hashlib.sha256(clip.read_bytes()).hexdigest()
