"""The institution's own error pages where Django would show its own.

- ``PaginaNoEncontradaMiddleware`` (only in ``cms.settings.dev``): with ``DEBUG``
  on, Django answers a missing public page with its English technical 404; a
  visitor of ``make run`` should see the institution's, as in production. The
  admin keeps Django's page, useful while developing.
- ``MantenimientoMiddleware``: with ``MANTENIMIENTO`` on, the public site answers
  503 with a notice and ``Retry-After`` and reads no database; the admin, static
  and media files still answer.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found

PREFIJOS_INTERNOS = ("/admin/", "/django-admin/", "/static/", "/media/")


def _es_publica(request):
    return not request.path.startswith(PREFIJOS_INTERNOS)


class PaginaNoEncontradaMiddleware:
    """In development, the institution's 404 instead of Django's technical one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and _es_publica(request):
            return page_not_found(request, exception)
        return None


class MantenimientoMiddleware:
    """503 with the maintenance notice for the public site while closed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "MANTENIMIENTO", False) or not _es_publica(request):
            return self.get_response(request)
        # No database: the site may be closed precisely because it is migrating.
        contenido = render_to_string(
            "mantenimiento.html",
            {
                "nombre": settings.WAGTAIL_SITE_NAME,
                "mensaje": settings.MANTENIMIENTO_MENSAJE
                or _("Volvemos en unos minutos."),
            },
        )
        respuesta = HttpResponse(contenido, status=503)
        respuesta["Retry-After"] = "600"
        respuesta["Cache-Control"] = "no-store"
        return respuesta
