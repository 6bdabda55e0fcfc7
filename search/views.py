"""The public search page at ``/buscar/``."""

from django.template.response import TemplateResponse

from .consultas import BusquedaPublica


def search(request):
    """Render ``BusquedaPublica`` for the query string; the view builds no query."""
    busqueda = BusquedaPublica(request.GET)
    return TemplateResponse(
        request,
        "search/search.html",
        {"busqueda": busqueda, "resultados": busqueda.resultados()},
    )
