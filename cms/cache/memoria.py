"""Derived lists kept in the cache until the public content changes.

The same events that purge the proxy raise the public content's version
(``cms.models.VersionDelContenido``); each web process memoises under it.
"""

from django.core.cache import cache

from cms.models import VersionDelContenido


def version_del_contenido(request):
    """The current version, read once per request."""
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
