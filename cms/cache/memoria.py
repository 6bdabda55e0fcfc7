"""Derived lists and fragments kept in the cache until what they show changes.

The same events that purge the proxy raise the versions of the scopes they touch
(``cms.models.VersionDelContenido``: ``sitio``, ``pagina:<pk>``, ``seccion:<pk>``,
``hijos:<pk>``);
each web process memoises under the numbers of the scopes a fragment shows. A
request reads the numbers of its scopes once, in one query.

Two tiers: the shared cache (``default``: local memory or Redis) for fragments
and lists, and the process's own memory (``proceso``, always local) for the few
small things every request needs (the site, its settings, the menu, the routes):
they stay warm when the shared cache is off or cold.
"""

from django.conf import settings
from django.core.cache import cache, caches

from cms.models import SITIO, VersionDelContenido


def pagina(clave):
    return f"pagina:{clave}"


def seccion(clave):
    return f"seccion:{clave}"


def hijos(clave):
    return f"hijos:{clave}"


def ambitos_de_pagina(page):
    """A page's own scopes: the whole site, itself, and what is below it."""
    return ambitos_de_pk(page.pk)


def ambitos_de_pk(pk):
    return [SITIO, pagina(pk), seccion(pk)]


# The home pages this process has served: their children (the menu) are read
# with the site's version, before the request knows its site.
RAICES_VISTAS = set()


def _ambitos_de_la_peticion(request):
    """Every scope this request may ask for, so that one query reads them all."""
    ambitos = [SITIO, *(hijos(pk) for pk in sorted(RAICES_VISTAS))]
    sitio = getattr(request, "_wagtail_site", None)
    if sitio is not None:
        ambitos.append(hijos(sitio.root_page_id))
    ruta = getattr(request, "_wagtail_route_for_request", None)
    if ruta:
        ambitos += ambitos_de_pagina(ruta[0])
    return ambitos


def versiones(request, ambitos):
    """The numbers of ``ambitos``, read with the request's other scopes in one query."""
    leidas = getattr(request, "_versiones_del_contenido", None)
    if leidas is None:
        leidas = request._versiones_del_contenido = {}
    faltan = [a for a in ambitos if a not in leidas]
    if faltan:
        por_leer = set(faltan) | set(_ambitos_de_la_peticion(request))
        leidas.update(VersionDelContenido.actuales(sorted(por_leer - set(leidas))))
    return [leidas[a] for a in ambitos]


def memoria_permitida(request):
    """Only a site request (through the middleware) that is not a preview.

    Previews show unpublished content; the archive's snapshots render a page
    outside the middleware while it is being published, before the version moves.
    """
    return getattr(request, "memoria_publica", False) and not getattr(
        request, "is_preview", False
    )


def memoria_del_proceso():
    """The process's own cache (``CACHES["proceso"]``), or the shared one without it."""
    return caches["proceso"] if "proceso" in settings.CACHES else cache


def clave_versionada(clave, request, ambitos=(SITIO,)):
    """``clave`` prefixed by the numbers of ``ambitos`` (``sitio`` always one)."""
    ambitos = list(dict.fromkeys([SITIO, *ambitos]))
    numeros = versiones(request, ambitos)
    marca = ",".join(f"{a}={n}" for a, n in zip(ambitos, numeros, strict=True))
    return f"contenido:{marca}:{clave}"


def memorizar(
    clave, calcular, request, ambitos=(SITIO,), segundos=24 * 60 * 60, proceso=False
):
    """``calcular()``, kept until one of ``ambitos`` changes.

    ``proceso=True`` keeps it in the process's own memory (small, site-wide data).
    """
    if not memoria_permitida(request):
        return calcular()
    memoria = memoria_del_proceso() if proceso else cache
    clave = clave_versionada(clave, request, ambitos)
    valor = memoria.get(clave)
    if valor is None:
        valor = calcular()
        memoria.set(clave, valor, segundos)
    return valor
