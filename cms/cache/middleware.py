"""The ``Cache-Control`` a response leaves with: public for the proxy, or private."""

from django.conf import settings
from django.utils.cache import patch_cache_control


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
