"""The site, its root paths, the route to a page and its view restrictions, in as
few queries as possible and remembered by each process.

Wagtail walks the tree one level at a time (a query for each level and another
for ``.specific``) and reads the ancestors and their view restrictions on every
request. Here the pages along the address come in one query and the page itself
in another; the process remembers the route (``proceso``, under the ``sitio``
version), so a known address costs one query: the page. Wagtail's own request
attributes (``_wagtail_site``, ``_wagtail_cached_site_root_paths``,
``_wagtail_route_for_request``) carry the result, so ``serve`` and ``pageurl``
use it unchanged. A remembered route is checked against the page it loads (its
address), so a page moved or renamed since is looked up again.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site

from cms.models import SITIO, VersionDelContenido

from .memoria import (
    RAICES_VISTAS,
    ambitos_de_pk,
    clave_versionada,
    hijos,
    memoria_del_proceso,
)

RUTAS_ESTANDAR = (Page.route, RoutablePageMixin.route)


class SitioRecordado:
    """What a process remembers of a site: the site, its root page, root paths,
    the root's ancestors and every view restriction (there are few)."""

    def __init__(self, sitio):
        raiz = sitio.root_page.specific
        sitio.root_page = raiz
        self.sitio = sitio
        self.raices = Site.get_site_root_paths()
        self.ancestros = list(raiz.get_ancestors().values_list("pk", "alias_of_id"))
        self.restricciones = list(PageViewRestriction.objects.all())


def _recordar(clave, calcular, request):
    memoria = memoria_del_proceso()
    clave = clave_versionada(clave, request, [SITIO])
    valor = memoria.get(clave)
    if valor is None:
        valor = calcular()
        if valor is not None:
            memoria.set(clave, valor, 24 * 60 * 60)
    return valor


def sitio_de(request):
    """The site for this request, remembered; seeds Wagtail's request attributes."""
    if hasattr(request, "_sitio_recordado"):
        return request._sitio_recordado
    anfitrion = f"{request._get_raw_host()}|{request.get_port()}"

    def calcular():
        sitio = Site._find_for_request(request)
        return SitioRecordado(sitio) if sitio else None

    recordado = _recordar(f"sitio:{anfitrion}", calcular, request)
    request._sitio_recordado = recordado
    if recordado is not None:
        if len(RAICES_VISTAS) < 100:
            RAICES_VISTAS.add(recordado.sitio.root_page_id)
        request._wagtail_site = recordado.sitio
        request._wagtail_cached_site_root_paths = recordado.raices
    return recordado


def _clase(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _ruta_estandar(clase):
    return clase.route in RUTAS_ESTANDAR


def _subruta(clase, vivo, resto):
    """Whether a routable page answers ``resto`` itself (as Wagtail asks it first)."""
    if not (vivo and issubclass(clase, RoutablePageMixin)):
        return False
    try:
        clase.get_resolver().resolve("/" + "".join(f"{c}/" for c in resto))
    except (Resolver404, Http404):
        return False
    return True


def _buscar(raiz, componentes):
    """``(pk, content_type_id, consumidos, [(pk, alias_of_id)…])`` of the page that
    answers ``componentes`` below ``raiz``; None if Wagtail's walk is needed."""
    direcciones = [
        raiz.url_path + "".join(f"{c}/" for c in componentes[:n])
        for n in range(1, len(componentes) + 1)
    ]
    filas = {
        fila[0]: fila
        for fila in Page.objects.filter(
            url_path__in=direcciones, path__startswith=raiz.path
        ).values_list("url_path", "pk", "content_type_id", "live", "alias_of_id")
    }
    actual = (raiz.pk, raiz.content_type_id, raiz.live, raiz.alias_of_id)
    cadena = [(raiz.pk, raiz.alias_of_id)]
    consumidos = 0
    while True:
        clase = _clase(actual[1])
        if clase is None or not _ruta_estandar(clase):
            return None
        if _subruta(clase, actual[2], componentes[consumidos:]):
            break
        if consumidos == len(componentes):
            break
        fila = filas.get(direcciones[consumidos])
        if fila is None:
            raise Http404
        actual = fila[1:]
        cadena.append((fila[1], fila[4]))
        consumidos += 1
    return actual[0], actual[1], consumidos, cadena


def _restricciones(recordado, cadena):
    """Wagtail's ``get_view_restrictions``: the page's and its ancestors' (an alias
    counts as its source page), from the remembered list."""
    ids = {alias or pk for pk, alias in [*recordado.ancestros, *cadena]}
    return [r for r in recordado.restricciones if r.page_id in ids]


def seleccion_al_servir(clase):
    """The relations a page type reads on every view (``select_related_al_servir``)."""
    return getattr(clase, "select_related_al_servir", ())


def _cargar(request, clase, pk, raiz):
    """The page, with the versions of its scopes (and the menu's) in the same query."""
    leidas = request._versiones_del_contenido
    ambitos = [a for a in [*ambitos_de_pk(pk), hijos(raiz.pk)] if a not in leidas]
    numeros = {
        f"_version_{n}": Subquery(
            VersionDelContenido.objects.filter(clave=a).values("numero")[:1]
        )
        for n, a in enumerate(ambitos)
    }
    pagina = (
        clase.objects.select_related(*seleccion_al_servir(clase))
        .annotate(**numeros)
        .filter(pk=pk)
        .first()
    )
    if pagina is not None:
        for n, a in enumerate(ambitos):
            leidas[a] = getattr(pagina, f"_version_{n}") or 0
    return pagina


def ruta(request, path):
    """Seed ``request._wagtail_route_for_request`` for Wagtail's ``serve``.

    Leaves it unset (Wagtail then walks as usual) for a page type with its own
    ``route``, without a site, or with translations on.
    """
    recordado = sitio_de(request)
    if (
        recordado is None
        or hasattr(request, "_wagtail_route_for_request")
        or getattr(settings, "WAGTAIL_I18N_ENABLED", False)  # ``root.localized``
    ):
        return
    raiz = recordado.sitio.root_page
    componentes = [c for c in path.split("/") if c]
    clave = f"ruta:{recordado.sitio.pk}:{'/'.join(componentes)}"
    memoria = memoria_del_proceso()
    clave = clave_versionada(clave, request, [SITIO])
    recordada = memoria.get(clave)
    try:
        encontrada = recordada or _buscar(raiz, componentes)
    except Http404:
        request._wagtail_route_for_request = None
        return
    if encontrada is None:
        return
    pk, content_type_id, consumidos, cadena = encontrada
    clase = _clase(content_type_id)
    pagina = _cargar(request, clase, pk, raiz)
    direccion = raiz.url_path + "".join(f"{c}/" for c in componentes[:consumidos])
    if pagina is None or pagina.url_path != direccion:
        memoria.delete(clave)
        return  # moved or removed since: Wagtail walks the tree
    if not recordada:
        memoria.set(clave, encontrada, 24 * 60 * 60)
    restricciones = _restricciones(recordado, cadena)
    # Wagtail's view-restriction hook asks the page; the answer is already here.
    pagina.get_view_restrictions = lambda: restricciones
    try:
        request._wagtail_route_for_request = pagina.route(
            request, componentes[consumidos:]
        )
    except Http404:
        request._wagtail_route_for_request = None
