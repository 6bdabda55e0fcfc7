"""Video journey in a real browser: upload, approver previews, public plays final."""

import re

import pytest
from playwright.sync_api import expect

from media_library.models import VideoIndexPage, VideoPage
from tests.media_library.test_videos import generar_clip

from .test_aprobacion import (
    aprobar_desde_el_panel,
    entrar,
    enviar_a_revision,
    publicar_desde_el_panel,
)

pytestmark = pytest.mark.browser

TITULO = "Ceremonia de egreso del Plantel Saltillo"


def _reproduce(pagina, selector):
    """Chromium loads the file, plays it and its clock advances."""
    return pagina.evaluate(
        """async selector => {
            const video = document.querySelector(selector);
            video.muted = true;
            await video.play();
            await new Promise(r => setTimeout(r, 700));
            return {tiempo: video.currentTime, ancho: video.videoWidth,
                    fuente: video.currentSrc};
        }""",
        selector,
    )


def test_editor_uploads_approver_watches_preview_public_plays_the_final(
    pagina, sitio_en_vivo, tmp_path
):

    clip = generar_clip(tmp_path / "egreso.mp4", segundos=2)
    seccion = VideoIndexPage.objects.get()
    entrar(pagina, sitio_en_vivo, "editor")
    pagina.goto(
        f"{sitio_en_vivo}/admin/pages/add/media_library/videopage/{seccion.pk}/"
    )
    pagina.locator("#id_title").fill(TITULO)
    pagina.locator("#id_title").press("Tab")
    expect(pagina.locator("#id_slug")).to_have_value(re.compile(r"^ceremonia-"))
    pagina.locator("#id_tipo").select_option("evento")
    pagina.locator("#id_archivo_maestro").set_input_files(str(clip))
    pagina.locator("#id_descripcion").fill("Egresan 420 técnicos profesionales.")
    enviar_a_revision(pagina)

    video = VideoPage.objects.get(title=TITULO)
    previa = video.vista_previa
    assert previa is not None and not video.live

    # Jefatura reviews: the editor page plays the 480p preview.
    entrar(pagina, sitio_en_vivo, "coordinacion")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/{video.pk}/edit/")
    reproduccion = _reproduce(pagina, "video[data-vista-previa]")
    assert reproduccion["tiempo"] > 0 and reproduccion["ancho"] == 854
    assert reproduccion["fuente"].endswith(previa.archivo.url)
    pagina.goto(f"{sitio_en_vivo}/admin/")
    aprobar_desde_el_panel(pagina, sitio_en_vivo, "coordinacion", TITULO)
    publicar_desde_el_panel(
        pagina, sitio_en_vivo, TITULO, envio=None, seccion="/videos/"
    )

    video = VideoPage.objects.get(pk=video.pk)
    assert video.live and len(video.finales) == 2
    pagina.context.clear_cookies()
    pagina.goto(f"{sitio_en_vivo}/videos/")
    pagina.get_by_role("link", name=TITULO).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(TITULO)
    reproduccion = _reproduce(pagina, "video.reproductor")
    assert reproduccion["tiempo"] > 0 and reproduccion["ancho"] == 1920
    assert reproduccion["fuente"].endswith(video.finales[0].archivo.url)
