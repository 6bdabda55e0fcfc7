"""The public theme: home sections, footer, robots.txt, favicon, Spanish errors."""

import datetime

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from campanas.models import CampanaIndexPage, CampanaPage
from home.models import InstitucionSettings
from media_library.models import VideoIndexPage, VideoPage


def _publicar(padre, pagina):
    padre.add_child(instance=pagina)
    pagina.save_revision().publish()


def test_home_shows_current_campaigns_and_the_latest_videos(
    client, institucion_compartida
):
    hoy = timezone.localdate()
    seccion = CampanaIndexPage.objects.get()
    for titulo, inicio, fin in (
        ("Campaña en curso de lectura", hoy, hoy + datetime.timedelta(days=10)),
        (
            "Campaña terminada de reciclaje",
            datetime.date(2020, 1, 1),
            datetime.date(2020, 2, 1),
        ),
    ):
        _publicar(
            seccion,
            CampanaPage(title=titulo, tema="t", objetivo="o", inicio=inicio, fin=fin),
        )
    _publicar(
        VideoIndexPage.objects.get(),
        VideoPage(
            title="Video de la ceremonia de graduación",
            tipo="evento",
            descripcion="Ceremonia de graduación.",
            archivo_maestro=ContentFile(b"x", name="m.mp4"),
        ),
    )
    html = client.get("/").content.decode()
    assert "Campañas vigentes" in html
    assert "Campaña en curso de lectura" in html
    assert "Campaña terminada de reciclaje" not in html
    assert "Video de la ceremonia de graduación" in html


def test_footer_has_the_contact_and_the_social_accounts(client, institucion_compartida):
    ajustes = InstitucionSettings.objects.get()
    ajustes.telefono = "844 411 2300"
    ajustes.correo = "comunicacion@cetec.edu.mx"
    ajustes.facebook = "https://www.facebook.com/CETECCoahuila"
    ajustes.save()
    html = client.get("/boletines/").content.decode()
    pie = html[html.index('<footer class="pie">') :]
    assert "844 411 2300" in pie
    assert 'href="mailto:comunicacion@cetec.edu.mx"' in pie
    assert 'href="https://www.facebook.com/CETECCoahuila"' in pie


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(
    client, institucion_compartida
):
    respuesta = client.get("/robots.txt")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/plain")
    texto = respuesta.content.decode()
    assert "Disallow: /admin/" in texto
    assert "Sitemap: http://testserver/sitemap.xml" in texto


def test_the_favicon_is_declared_and_answers_at_its_usual_address(
    client, institucion_compartida
):
    assert 'rel="icon"' in client.get("/").content.decode()
    respuesta = client.get("/favicon.ico")
    assert respuesta.status_code == 301
    assert respuesta["Location"] == "/static/img/favicon.svg"


def test_the_server_error_page_is_in_spanish_and_stands_alone():
    html = render_to_string("500.html")
    assert '<html lang="es-MX">' in html
    assert "Ocurrió un error en el servidor" in html
    assert "{%" not in html  # rendered without the database or site settings
