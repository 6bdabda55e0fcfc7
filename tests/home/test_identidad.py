"""The institution's look from its settings, its footer, and its own error pages."""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone

from boletines.models import Evento
from campanas.models import CampanaIndexPage, CampanaPage
from cms.settings import dev
from home.models import InstitucionSettings
from media_library.models import VideoIndexPage, VideoPage
from tests.factories import ImagenFactory


def _publicar(padre, pagina):
    padre.add_child(instance=pagina)
    pagina.save_revision().publish()
    return pagina


def test_colours_and_typeface_come_from_the_settings_stylesheet(
    client, institucion_compartida
):
    ajustes = InstitucionSettings.objects.get()
    ajustes.color_primario = "#0b3d6b"
    ajustes.tipografia = "sistema"
    ajustes.save()
    tema = client.get("/tema.css").content.decode()
    assert "--color-primario: #0b3d6b;" in tema
    assert "--fuente-texto: var(--fuente-sistema);" in tema
    html = client.get("/").content.decode()
    assert "montserrat-latin-wght-normal.woff2" not in html  # no preload

    ajustes.tipografia = "montserrat"
    ajustes.save()
    assert "--fuente-texto" not in client.get("/tema.css").content.decode()
    html = client.get("/").content.decode()
    assert (
        'rel="preload" href="/static/fuentes/montserrat-latin-wght-normal.woff2"'
        in (html)
    )


def test_the_font_is_self_hosted_and_declared_in_the_design_tokens(client, db):
    tokens = (settings.BASE_DIR / "cms/static/css/sitio/tokens.css").read_text()
    assert 'url("../../fuentes/montserrat-latin-wght-normal.woff2")' in tokens
    assert "http" not in tokens  # never a CDN


def test_the_header_shows_both_logos_and_the_footer_the_public_notices(
    client, institucion_compartida
):
    ajustes = InstitucionSettings.objects.get()
    ajustes.logo = ImagenFactory(title="Logo institución")
    ajustes.logo_gobierno = ImagenFactory(title="Escudo del estado")
    ajustes.horario = "Lunes a viernes de 8:00 a 16:00 h"
    ajustes.aviso_privacidad = "/aviso-de-privacidad/"
    ajustes.transparencia = "https://transparencia.example.gob.mx/"
    ajustes.save()
    html = client.get("/").content.decode()
    encabezado = html[
        html.index('<header class="encabezado">') : html.index("</header>")
    ]
    assert 'class="marca__gobierno"' in encabezado
    assert 'class="marca__logo"' in encabezado
    assert 'href="#menu"' in encabezado  # the phone menu opens without JavaScript
    pie = html[html.index('<footer class="pie">') :]
    assert "Lunes a viernes de 8:00 a 16:00 h" in pie
    assert '<a href="/aviso-de-privacidad/">Aviso de privacidad</a>' in pie
    assert '<a href="https://transparencia.example.gob.mx/">Transparencia</a>' in pie


def test_a_notice_address_must_be_local_or_https(admin_client, institucion_compartida):
    ajustes = InstitucionSettings.objects.get()
    ajustes.aviso_privacidad = "javascript:alert(1)"
    with pytest.raises(Exception, match="Escribe una dirección"):
        ajustes.full_clean()


def test_video_and_campaign_pages_put_their_description_in_a_meta_tag(
    client, institucion_compartida
):
    video = _publicar(
        VideoIndexPage.objects.get(),
        VideoPage(
            title="Ceremonia de graduación",
            tipo="evento",
            descripcion="Egresa la generación 2023-2026.",
            archivo_maestro=ContentFile(b"x", name="m.mp4"),
        ),
    )
    campana = _publicar(
        CampanaIndexPage.objects.get(),
        CampanaPage(
            title="Lectura en voz alta",
            tema="Lectura",
            objetivo="Que cada estudiante lea un libro al mes.",
            inicio=datetime.date(2026, 1, 1),
            fin=datetime.date(2026, 1, 31),
        ),
    )
    for pagina, texto in [
        (video, "Egresa la generación 2023-2026."),
        (campana, "Que cada estudiante lea un libro al mes."),
    ]:
        html = client.get(pagina.url).content.decode()
        cabeza, cuerpo = html.split("</head>")
        assert f'<meta name="description" content="{texto}">' in cabeza
        antes_del_encabezado = cuerpo[: cuerpo.index("<header")]
        assert texto not in antes_del_encabezado


def test_the_development_server_shows_the_institutions_404(
    client, institucion_compartida
):
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        respuesta = client.get("/no-existe/")
        admin = client.get("/admin/no-existe/")
    assert respuesta.status_code == 404
    html = respuesta.content.decode()
    assert "No encontramos esta página" in html
    assert '<header class="encabezado">' in html
    assert admin.status_code in (302, 404)  # the admin keeps Django's own


def test_maintenance_closes_the_public_site_with_503_but_not_the_admin(client, db):
    with override_settings(
        MANTENIMIENTO=True, MANTENIMIENTO_MENSAJE="Volvemos a las 18 h."
    ):
        respuesta = client.get("/boletines/")
        admin = client.get("/admin/login/")
    assert respuesta.status_code == 503
    assert respuesta["Retry-After"] == "600"
    html = respuesta.content.decode()
    assert (
        "Estamos dando mantenimiento al sitio" in html
        and "Volvemos a las 18 h." in html
    )
    assert admin.status_code == 200


def test_home_shows_the_rest_of_this_weeks_public_agenda(
    client, institucion_compartida
):
    hoy = timezone.localdate()
    Evento.objects.create(
        titulo="Rueda de prensa del informe", fecha=hoy, hora=datetime.time(10, 0),
        lugar="Sala de juntas",
    )  # fmt: skip
    Evento.objects.create(
        titulo="Reunión interna de planeación", fecha=hoy, hora=datetime.time(12, 0),
        lugar="Dirección", publico=False,
    )  # fmt: skip
    html = client.get("/").content.decode()
    assert "Agenda de la semana" in html
    assert "Rueda de prensa del informe" in html
    assert "Reunión interna de planeación" not in html
