"""410 Gone for content taken down for an error; the page chooser's browsed page."""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Page

from .models import Retiro
from .visibilidad import solo_visibles


class RetiradoPorErrorMiddleware:
    """Turn the 404 of a page taken down for an error into 410 with a notice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respuesta = self.get_response(request)
        if respuesta.status_code != 404:
            return respuesta
        retiro = (
            Retiro.objects.filter(url=request.path, republicado_en=None)
            .order_by("-retirado_en")
            .first()
        )
        if retiro is None:
            return respuesta
        aviso = TemplateResponse(
            request, "workflows/retirado.html", {"retiro": retiro}, status=410
        )
        return aviso.render()


class SelectorDePaginasMiddleware:
    """Browsing the page chooser into a page the user may not read answers 404.

    The ``construct_page_chooser_queryset`` hook narrows the listed children; the
    page being browsed (its title heads the chooser) is taken from the URL, so it
    is checked here (``workflows/visibilidad.py``).
    """

    VISTA = "wagtailadmin_choose_page_child"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        coincidencia = request.resolver_match
        if coincidencia is None or coincidencia.view_name != self.VISTA:
            return None
        pagina = Page.objects.filter(pk=view_kwargs.get("parent_page_id"))
        if not solo_visibles(pagina, request.user).exists():
            raise Http404
        return None
