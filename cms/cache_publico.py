"""The caching proxy (Varnish): what it may keep, and purging it when content changes.

The same events raise the public content's version (``cms.models``), under which
each web process memoises derived lists with ``memorizar``.

Public pages say ``Cache-Control: public`` with a long ``s-maxage`` for the proxy and a
short ``max-age`` for browsers; anything for a logged-in user, a preview or the admin
says ``private, no-cache``. Purges go out after the publishing transaction commits,
from the request itself: a PURGE to a local Varnish is a loopback call of about a
millisecond, a task queue would add its polling delay to the sub-second target, and a
proxy that does not answer is logged, never undoing the publication. (Wagtail's own
handler still enqueues a task that purges the page itself; ours meets the target.)

The VCL (``deploy/varnish/default.vcl``) reads a PURGE of a path as "this path with
any query string" (every page of a listing) and a PURGE of ``/*`` as "the whole site".
"""

import logging
from urllib.error import URLError

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Site

logger = logging.getLogger(__name__)

TODO_EL_SITIO = "/*"


class BackendVarnish(HTTPBackend):
    """Wagtail's HTTP purge backend; an unreachable proxy is logged, not raised."""

    def purge(self, url):
        try:
            super().purge(url)
        except (URLError, OSError) as error:
            logger.error("No se pudo purgar %s del proxy: %s", url, error)


def _activo():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purgar(urls):
    """PURGE each URL now, on every configured proxy.

    Wagtail's own ``PurgeBatch.purge`` enqueues a task; the database task worker
    polls, which alone would exceed the sub-second target.
    """
    for backend in get_backends().values():
        backend.purge_batch(sorted(urls))


def lote_de(pagina):
    """The page, its section listing (with the section's feeds) and the home page."""
    lote = PurgeBatch()
    lote.add_page(pagina)
    padre = pagina.get_parent()
    if padre and padre.depth > 1:
        lote.add_page(padre.specific)
    for sitio in Site.objects.select_related("root_page"):
        if pagina.path.startswith(sitio.root_page.path):
            lote.add_page(sitio.root_page.specific)
    return lote


def version_del_contenido(request):
    """The current version, read once per request."""
    from .models import VersionDelContenido

    if not hasattr(request, "_version_del_contenido"):
        request._version_del_contenido = VersionDelContenido.actual()
    return request._version_del_contenido


def memoria_permitida(request):
    """Only a site request (through the middleware) that is not a preview.

    Previews show unpublished content; the archive's snapshots render a page
    outside the middleware while it is being published, before the version moves.
    """
    return getattr(request, "memoria_publica", False) and not getattr(
        request, "is_preview", False
    )


def memorizar(clave, calcular, request, segundos=24 * 60 * 60):
    """``calcular()``, kept in the cache until the public content changes."""
    if not memoria_permitida(request):
        return calcular()
    clave = f"contenido:{version_del_contenido(request)}:{clave}"
    valor = cache.get(clave)
    if valor is None:
        valor = calcular()
        cache.set(clave, valor, segundos)
    return valor


def contexto(request):
    """Template context: ``{{ institucion }}``, the site's settings, memoised."""
    from django.utils.functional import SimpleLazyObject

    def institucion():
        from home.models import InstitucionSettings

        sitio = Site.find_for_request(request)
        if sitio is None:
            return InstitucionSettings()
        return memorizar(
            f"institucion:{sitio.pk}",
            lambda: InstitucionSettings.for_site(sitio),
            request,
        )

    return {"institucion": SimpleLazyObject(institucion)}


def _avanzar_version():
    from .models import VersionDelContenido

    VersionDelContenido.avanzar()


def al_mover(sender, instance, **kwargs):
    """A moved page changes menus and listings."""
    _avanzar_version()


def al_publicar_o_retirar(sender, instance, **kwargs):
    """page_published / page_unpublished (takedowns and corrections included)."""
    _avanzar_version()
    if _activo():
        urls = lote_de(instance).urls
        transaction.on_commit(lambda: purgar(urls))


def al_cambiar_fragmento(sender, instance, **kwargs):
    """A snippet or site setting may show on any page (footer, agenda, contacts)."""
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    if sender not in get_snippet_models() and not issubclass(sender, BaseSiteSetting):
        return
    _avanzar_version()
    if _activo():
        urls = [s.root_url + TODO_EL_SITIO for s in Site.objects.all()]
        transaction.on_commit(lambda: purgar(urls))


def conectar():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(al_publicar_o_retirar, dispatch_uid="cache_publicar")
    page_unpublished.connect(al_publicar_o_retirar, dispatch_uid="cache_retirar")
    post_save.connect(al_cambiar_fragmento, dispatch_uid="cache_fragmento_guardado")
    post_delete.connect(al_cambiar_fragmento, dispatch_uid="cache_fragmento_borrado")
    post_page_move.connect(al_mover, dispatch_uid="cache_mover")


class CacheControlMiddleware:
    """Public for anonymous GETs of the site; private for users, previews, admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.memoria_publica = request.method in ("GET", "HEAD")
        response = self.get_response(request)
        privada = (
            request.user.is_authenticated
            or getattr(request, "is_preview", False)
            or request.path.startswith(("/admin/", "/django-admin/"))
            or request.method not in ("GET", "HEAD")
            or response.cookies
        )
        if privada:
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
        elif "Cache-Control" not in response and response.status_code in (
            200,
            301,
            404,
            410,
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.CACHE_NAVEGADOR_SEGUNDOS,
                s_maxage=settings.CACHE_PROXY_SEGUNDOS,
            )
        return response
