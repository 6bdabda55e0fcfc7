"""The public search's query: one class per use case; the view only renders it."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from boletines.models import BoletinPage
from campanas.models import CampanaPage
from home.models import StandardPage
from media_library.models import VideoPage

from .extractos import extracto, texto_de

logger = logging.getLogger(__name__)

# What a visitor can narrow the search to, in the order the form lists them.
TIPOS = {
    "boletines": (_("Boletines"), BoletinPage),
    "campanas": (_("Campañas"), CampanaPage),
    "videos": (_("Videos"), VideoPage),
    "paginas": (_("Páginas"), StandardPage),
}
ETIQUETAS = {
    BoletinPage: _("Boletín"),
    CampanaPage: _("Campaña"),
    VideoPage: _("Video"),
    StandardPage: _("Página"),
}


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

    Filters: ``tipo`` (a key of ``TIPOS``), ``desde`` and ``hasta`` (AAAA-MM-DD,
    compared with each item's own date), ``pagina``. Every word must appear; if
    none of the items has them all, any word will do, ranked by relevance.
    """

    por_pagina = 10

    def __init__(self, params):
        self.q = " ".join((params.get("q") or "").split())[:200]
        self.tipo = params.get("tipo") if params.get("tipo") in TIPOS else ""
        self.desde = _fecha(params.get("desde"))
        self.hasta = _fecha(params.get("hasta"))
        self.numero_de_pagina = params.get("pagina")
        self.aproximada = False
        self.respaldo = False

    @property
    def tipos(self):
        return [(clave, etiqueta) for clave, (etiqueta, _m) in TIPOS.items()]

    def _modelos(self):
        if self.tipo:
            return [TIPOS[self.tipo][1]]
        return [modelo for _e, modelo in TIPOS.values()]

    def _candidatas(self):
        paginas = Page.objects.live().public().type(*self._modelos())
        if self.desde or self.hasta:
            paginas = paginas.filter(pk__in=self._en_fechas())
        return paginas

    def _en_fechas(self):
        """Pages whose own date falls in the range; campaigns whose period overlaps."""
        boletin, campana = Q(boletinpage__isnull=False), Q(campanapage__isnull=False)
        otra = ~boletin & ~campana
        condiciones = {
            "boletin": boletin,
            "campana": campana,
            "otra": otra,
        }
        if self.desde:
            condiciones["boletin"] &= Q(boletinpage__fecha__gte=self.desde)
            condiciones["campana"] &= Q(campanapage__fin__gte=self.desde)
            condiciones["otra"] &= Q(first_published_at__date__gte=self.desde)
        if self.hasta:
            condiciones["boletin"] &= Q(boletinpage__fecha__lte=self.hasta)
            condiciones["campana"] &= Q(campanapage__inicio__lte=self.hasta)
            condiciones["otra"] &= Q(first_published_at__date__lte=self.hasta)
        unidas = condiciones["boletin"] | condiciones["campana"] | condiciones["otra"]
        return Page.objects.filter(unidas).values("pk")

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
        from elastic_transport import TransportError
        from elasticsearch import ApiError

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
                tipo=ETIQUETAS.get(type(por_id[p.pk]), ""),
                fecha=fecha_de(por_id[p.pk]),
                extracto=extracto(texto_de(por_id[p.pk]), self.q),
            )
            for p in pagina.object_list
            if p.pk in por_id
        ]
        return pagina

    def parametros_sin_pagina(self):
        """The query string for the pagination links, filters kept."""
        from django.http import QueryDict

        params = QueryDict(mutable=True)
        params["q"] = self.q
        params["tipo"] = self.tipo
        params["desde"] = self.desde.isoformat() if self.desde else ""
        params["hasta"] = self.hasta.isoformat() if self.hasta else ""
        return params.urlencode()
