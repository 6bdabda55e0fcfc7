"""The records index in Elasticsearch (elasticsearch-dsl), for the archivist's search.

Used only when ``ELASTICSEARCH_URL`` is set; the database searches otherwise. It
lives beside the records rather than in ``search/`` because only the records
workspace queries it, and its shape follows the record's fields one to one.
"""

import functools
import logging

from django.conf import settings
from django.utils.html import strip_tags
from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Keyword,
    Q,
    Text,
    analyzer,
    connections,
    token_filter,
)

from .models import Registro

logger = logging.getLogger(__name__)

# Spanish stemming and stop words, and accents folded last, so "vacunacion"
# finds "Vacunación" and "campana" finds "Campaña".
ESPANOL = analyzer(
    "espanol_sin_acentos",
    tokenizer="standard",
    filter=[
        "lowercase",
        token_filter("espanol_vacias", "stop", stopwords="_spanish_"),
        token_filter("espanol_raices", "stemmer", language="light_spanish"),
        "asciifolding",
    ],
)


class RegistroDocument(Document):
    """One record, with the text of its latest snapshot."""

    titulo = Text(analyzer=ESPANOL, fields={"exacto": Keyword()})
    folio = Keyword()
    tipo = Keyword()
    area = Keyword()
    serie = Keyword()
    serie_nombre = Text(analyzer=ESPANOL)
    responsable = Text(analyzer=ESPANOL)
    ultima_accion = Text(analyzer=ESPANOL)
    texto = Text(analyzer=ESPANOL)
    abierto = Date()
    fin_tramite = Date()
    fin_concentracion = Date()
    disposicion = Keyword()
    reserva = Boolean()

    class Index:
        name = "registros"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def desde_registro(cls, registro):
        ultima = registro.instantaneas.order_by("-publicada", "-pk").first()
        return cls(
            meta={"id": registro.pk},
            titulo=registro.titulo,
            folio=registro.folio,
            tipo=registro.tipo,
            area=registro.area,
            serie=registro.serie.codigo if registro.serie else "",
            serie_nombre=registro.serie.nombre if registro.serie else "",
            responsable=registro.responsable,
            ultima_accion=registro.ultima_accion,
            texto=" ".join(strip_tags(ultima.html).split()) if ultima else "",
            abierto=registro.abierto,
            fin_tramite=registro.fin_tramite,
            fin_concentracion=registro.fin_concentracion,
            disposicion=registro.disposicion,
            reserva=registro.reserva,
        )


def consulta(texto, tipo=None, serie=None, area=None, reserva=None, anio=None):
    """The archivist's search: title first, then folio, series and snapshot text."""
    busqueda = RegistroDocument.search()
    if texto:
        busqueda = busqueda.query(
            Q("term", folio={"value": texto, "boost": 10})
            | Q(
                "multi_match",
                query=texto,
                fields=["titulo^3", "serie_nombre", "responsable", "texto"],
                operator="and",
            )
        )
    for campo, valor in (("tipo", tipo), ("serie", serie), ("area", area)):
        if valor:
            busqueda = busqueda.filter("term", **{campo: valor})
    if reserva is not None:
        busqueda = busqueda.filter("term", reserva=reserva)
    if anio:
        busqueda = busqueda.filter(
            "range", abierto={"gte": f"{anio}-01-01", "lt": f"{int(anio) + 1}-01-01"}
        )
    return busqueda.source(False)


def activo():
    """Whether the records index is in use (``ELASTICSEARCH_URL`` is set)."""
    return bool(getattr(settings, "ELASTICSEARCH_URL", None))


@functools.cache
def _conexion():
    """One client per process, and the index created if missing."""
    connections.create_connection(hosts=[settings.ELASTICSEARCH_URL], timeout=5)
    RegistroDocument.init()


def ids_encontrados(texto, limite=1000):
    """Record ids matching ``texto``, best first (Elasticsearch must be active)."""
    _conexion()
    return [int(h.meta.id) for h in consulta(texto)[:limite].execute()]


def indexar(pk):
    """Index or refresh one record; a failure is logged, never raised."""
    try:
        _conexion()
        registro = Registro.objects.select_related("serie").get(pk=pk)
        RegistroDocument.desde_registro(registro).save()
    except Exception:  # the index is a copy: publication must not fail for it
        logger.exception("No se pudo indexar el registro %s", pk)
