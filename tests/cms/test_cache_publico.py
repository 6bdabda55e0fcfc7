"""The caching proxy: purges on publish, takedown and snippet change; headers."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from wagtail.models import Page

from boletines.models import BoletinPage, ContactoPrensa
from cms.settings import environment
from tests.admin import cliente
from tests.factories import BoletinPageFactory, CampanaPageFactory
from workflows.correcciones import retirar_por_error

SLUG = "primer-lugar-robotica-torreon"


@pytest.fixture(scope="module", autouse=True)
def publicados(institucion_del_modulo):
    """A live boletín and a live campaign, whose addresses the proxy purges."""
    BoletinPageFactory(
        parent=institucion_del_modulo.sala,
        slug=SLUG,
        title="Estudiantes del plantel Torreón ganan el primer lugar en el Concurso "
        "Estatal de Robótica",
        publicada=True,
    )
    CampanaPageFactory(
        parent=institucion_del_modulo.campanas,
        slug="vida-libre-de-violencia",
        title="Por una vida libre de violencia",
        publicada=True,
    )


class _Registro(BaseHTTPRequestHandler):
    """Answers like Varnish's VCL and remembers each PURGE's path and host."""

    def do_PURGE(self):  # noqa: N802  (http.server's naming)
        self.server.purgas.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    servidor = ThreadingHTTPServer(("127.0.0.1", 0), _Registro)
    servidor.purgas = []
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    settings.WAGTAILFRONTENDCACHE = environment.frontend_cache(
        f"http://127.0.0.1:{servidor.server_port}"
    )
    yield servidor.purgas
    servidor.shutdown()
    servidor.server_close()


def _rutas(purgas):
    return {ruta for ruta, _host in purgas}


def test_publishing_purges_the_page_its_listing_the_feeds_and_home(
    institucion_compartida, proxy, django_capture_on_commit_callbacks
):
    boletin = BoletinPage.objects.get(slug=SLUG)
    boletin.sumario = "Sumario corregido."
    with django_capture_on_commit_callbacks(execute=True):
        boletin.save_revision().publish()
    rutas = _rutas(proxy)
    assert {
        f"/boletines/{SLUG}/",
        "/boletines/",
        "/boletines/feed/",
        "/boletines/feed/atom/",
        "/",
    } <= rutas
    # Varnish keys objects by the site's host (the site's: WAGTAILADMIN_BASE_URL's).
    sitio = boletin.get_site()
    assert all(host == sitio.hostname for _ruta, host in proxy)


def test_purges_wait_for_the_publication_to_commit(institucion_compartida, proxy):
    """Without the commit, a visitor could put the old version back in the cache."""
    proxy_antes = len(proxy)
    BoletinPage.objects.get(slug=SLUG).save_revision().publish()
    # Wagtail's own handler purges the page at once; ours waits for the commit.
    assert "/boletines/" not in _rutas(proxy[proxy_antes:])


def test_unpublishing_and_taking_down_purge_the_same_addresses(
    institucion_compartida, proxy, django_capture_on_commit_callbacks
):
    boletin = BoletinPage.objects.get(slug=SLUG)
    with django_capture_on_commit_callbacks(execute=True):
        retirar_por_error(boletin, None, "Dato equivocado en el título.")
    assert {f"/boletines/{SLUG}/", "/boletines/", "/boletines/feed/", "/"} <= _rutas(
        proxy
    )

    proxy.clear()
    campana = Page.objects.get(slug="vida-libre-de-violencia").specific
    with django_capture_on_commit_callbacks(execute=True):
        campana.unpublish()
    assert {"/campanas/vida-libre-de-violencia/", "/campanas/", "/"} <= _rutas(proxy)


def test_a_snippet_shown_on_public_pages_purges_the_whole_site(
    institucion_compartida, proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ContactoPrensa.objects.create(nombre="Laura Ríos", cargo="Prensa")
    assert "/*" in _rutas(proxy)


def test_without_varnish_url_nothing_is_purged(
    institucion_compartida, proxy, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = environment.frontend_cache(None)
    with django_capture_on_commit_callbacks(execute=True):
        BoletinPage.objects.get(slug=SLUG).save_revision().publish()
    assert proxy == []


def test_an_unreachable_proxy_never_stops_a_publication(
    institucion_compartida, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = environment.frontend_cache("http://127.0.0.1:9")
    boletin = BoletinPage.objects.get(slug=SLUG)
    boletin.title = "Título nuevo del boletín"
    with django_capture_on_commit_callbacks(execute=True):
        boletin.save_revision().publish()
    assert BoletinPage.objects.get(slug=SLUG).title == "Título nuevo del boletín"


@pytest.mark.parametrize(
    "url", ["/", "/boletines/", f"/boletines/{SLUG}/", "/buscar/?q=robotica"]
)
def test_anonymous_pages_may_be_cached_by_the_proxy(
    client, institucion_compartida, url
):
    control = client.get(url)["Cache-Control"]
    assert (
        "public" in control and "s-maxage=3600" in control and "max-age=60" in control
    )


def test_logged_in_users_and_previews_are_never_cached(institucion_compartida):
    titular = cliente("titular")
    control = titular.get(f"/boletines/{SLUG}/")["Cache-Control"]
    assert "private" in control and "no-cache" in control and "public" not in control

    boletin = BoletinPage.objects.get(slug=SLUG)
    vista = titular.get(reverse("wagtailadmin_pages:view_draft", args=(boletin.pk,)))
    assert vista.status_code == 200
    assert (
        "private" in vista["Cache-Control"] and "public" not in vista["Cache-Control"]
    )

    previa = titular.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=(boletin.pk,)), {}
    )
    assert "public" not in previa.get("Cache-Control", "")
