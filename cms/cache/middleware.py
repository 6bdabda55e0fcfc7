"""The ``Cache-Control`` a response leaves with: public for the proxy, or private."""

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail.views import serve

from .rutas import ruta, sitio_de

PRIVADAS = ("/admin/", "/django-admin/")


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
            or request.path.startswith(PRIVADAS)
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


class RutaRecordadaMiddleware:
    """The site for every public request, and the route for Wagtail's ``serve``,
    from the process's memory (``cms.cache.rutas``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PRIVADAS):
            sitio_de(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is serve and not request.path.startswith(PRIVADAS):
            ruta(request, view_args[0] if view_args else view_kwargs.get("path", ""))
