"""The public search page at ``/buscar/``."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page


def search(request):
    """Search the live pages; the search issue adds filters and Spanish analysis."""
    consulta = request.GET.get("q", "").strip()
    resultados = (
        Page.objects.live().search(consulta) if consulta else Page.objects.none()
    )
    pagina = Paginator(resultados, 10).get_page(request.GET.get("pagina"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"consulta": consulta, "resultados": pagina},
    )
