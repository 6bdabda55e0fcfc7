"""The public search's query: one class per use case; the view only renders it."""

import datetime
import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import QueryDict
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page

from .extractos import extracto, texto_de

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tipo:
    """A kind of page the visitor can narrow the search to (``BUSQUEDA_PUBLICA_TIPOS``).

    ``fechas`` names the fields holding the item's period (start, end); without
    them the item's date is its first publication.
    """

    clave: str
    plural: str
    singular: str
    etiqueta_del_modelo: str
    fechas: tuple[str, str] | None = None

    @property
    def modelo(self):
        return apps.get_model(self.etiqueta_del_modelo)


def tipos():
    """The searchable kinds, in the order the form lists them.

    Named in settings, not imported: ``search`` is a service the content apps
    sit on, so it cannot import their models (docs/arquitectura.md).
    """
    return {t[0]: Tipo(*t) for t in settings.BUSQUEDA_PUBLICA_TIPOS}


@dataclass
class Resultado:
    """One hit as the template shows it: the page, its kind, date and excerpt."""

    pagina: Page
    tipo: str
    fecha: datetime.date | None
    extracto: str


def _fecha(valor):
    try:
        return datetime.date.fromisoformat(valor or "")
    except ValueError:
        return None


def fecha_de(pagina):
    """The date a reader associates with the item: dateline, campaign start, or
    first publication."""
    for campo in ("fecha", "inicio"):
        if getattr(pagina, campo, None):
            return getattr(pagina, campo)
    publicada = pagina.first_published_at
    return publicada.date() if publicada else None


class BusquedaPublica:
    """Live, public boletines, campaigns, videos and pages matching ``q``.

    Filters: ``tipo`` (a key of ``BUSQUEDA_PUBLICA_TIPOS``), ``desde`` and ``hasta``
    (AAAA-MM-DD, compared with each item's own date), ``pagina``. Every word must
    appear; if none of the items has them all, any word will do, ranked by relevance.
    """

    por_pagina = 10

    def __init__(self, params):
        self.q = " ".join((params.get("q") or "").split())[:200]
        self.tipos_de_pagina = tipos()
        self.tipo = (
            params.get("tipo") if params.get("tipo") in self.tipos_de_pagina else ""
        )
        self.desde = _fecha(params.get("desde"))
        self.hasta = _fecha(params.get("hasta"))
        self.numero_de_pagina = params.get("pagina")
        self.aproximada = False
        self.respaldo = False

    @property
    def tipos(self):
        return [(t.clave, t.plural) for t in self.tipos_de_pagina.values()]

    def _modelos(self):
        if self.tipo:
            return [self.tipos_de_pagina[self.tipo].modelo]
        return [t.modelo for t in self.tipos_de_pagina.values()]

    def _etiqueta(self, pagina):
        for tipo in self.tipos_de_pagina.values():
            if type(pagina) is tipo.modelo:
                return tipo.singular
        return ""

    def _candidatas(self):
        paginas = Page.objects.live().public().type(*self._modelos())
        if self.desde or self.hasta:
            paginas = paginas.filter(pk__in=self._en_fechas())
        return paginas

    def _en_fechas(self):
        """Pages whose own date falls in the range; campaigns whose period overlaps."""
        unidas = Q()
        sin_periodo = Q()
        for tipo in self.tipos_de_pagina.values():
            if not tipo.fechas:
                continue
            # A child table of Page: its rows are reached by the model's name.
            tabla = tipo.modelo._meta.model_name
            inicio, fin = tipo.fechas
            condicion = Q(**{f"{tabla}__isnull": False})
            sin_periodo &= ~condicion
            if self.desde:
                condicion &= Q(**{f"{tabla}__{fin}__gte": self.desde})
            if self.hasta:
                condicion &= Q(**{f"{tabla}__{inicio}__lte": self.hasta})
            unidas |= condicion
        if self.desde:
            sin_periodo &= Q(first_published_at__date__gte=self.desde)
        if self.hasta:
            sin_periodo &= Q(first_published_at__date__lte=self.hasta)
        return Page.objects.filter(unidas | sin_periodo).values("pk")

    def _pagina(self, backend, operador):
        resultados = self._candidatas().search(
            self.q, operator=operador, backend=backend
        )
        paginador = Paginator(resultados, self.por_pagina)
        pagina = paginador.get_page(self.numero_de_pagina)
        pagina.object_list = list(pagina.object_list)
        return pagina

    def _buscar(self, backend):
        pagina = self._pagina(backend, "and")
        if pagina.paginator.count == 0 and len(self.q.split()) > 1:
            self.aproximada = True
            pagina = self._pagina(backend, "or")
        return pagina

    def _buscar_con_respaldo(self):
        """Elasticsearch, or the database index when Elasticsearch does not answer."""
        if "database" not in settings.WAGTAILSEARCH_BACKENDS:
            return self._buscar("default")
        try:
            return self._buscar("default")
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch no respondió; busco en la base: %s", error)
            self.respaldo = True
            self.aproximada = False
            return self._buscar("database")

    def resultados(self):
        """The requested page of ``Resultado``; ``None`` when nothing was asked."""
        if not self.q:
            return None
        pagina = self._buscar_con_respaldo()
        # One query per content type on the page, whatever the number of hits.
        especificas = Page.objects.filter(
            pk__in=[p.pk for p in pagina.object_list]
        ).specific()
        por_id = {p.pk: p for p in especificas}
        pagina.object_list = [
            Resultado(
                pagina=por_id[p.pk],
                tipo=self._etiqueta(por_id[p.pk]),
                fecha=fecha_de(por_id[p.pk]),
                extracto=extracto(texto_de(por_id[p.pk]), self.q),
            )
            for p in pagina.object_list
            if p.pk in por_id
        ]
        return pagina

    def parametros_sin_pagina(self):
        """The query string for the pagination links, filters kept."""
        params = QueryDict(mutable=True)
        params["q"] = self.q
        params["tipo"] = self.tipo
        params["desde"] = self.desde.isoformat() if self.desde else ""
        params["hasta"] = self.hasta.isoformat() if self.hasta else ""
        return params.urlencode()
