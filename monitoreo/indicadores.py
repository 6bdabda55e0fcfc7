"""The monitoring desk's indicators: reports (003 P03), complaints, reception,
coverage of the boletines and the unit's «publicaciones en medios»."""

from django.apps import apps
from django.conf import settings
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.indicadores import (
    Indicador,
    contar_por_periodo,
    contar_varios_por_periodo,
    mediana,
    serie_de_conteos,
)

from .models import ControlSintesis, Mencion, ReporteMonitoreo, Sintesis
from .models.menciones import CANALIZABLES, COLUMNA, NEGATIVO, NOTA, POSITIVO
from .permissions import VER_MENCION, VER_REPORTE, VER_SINTESIS
from .plazos import dias_inhabiles, es_habil


class ReportesDeMonitoreo(Indicador):
    """P03: daily monitoring reports made against those sent to the Dirección."""

    slug = "monitoreo"
    nombre = _("Monitoreos realizados / emitidos a la Dirección General")
    manual = _("003 ISSSTESON, P03 (red de procesos)")
    definicion = _(
        "Realizados: reportes diarios de monitoreo generados, por su fecha. "
        "Emitidos: reportes enviados a la Dirección General, por la fecha en que se "
        "enviaron."
    )
    etiqueta_programados = _("Realizados")
    etiqueta_realizados = _("Emitidos a la Dirección General")
    permiso = VER_REPORTE
    orden = 30
    columnas = (
        ("fecha", _("Fecha")),
        ("generado_en", _("Generado")),
        ("enviado_en", _("Enviado")),
        ("asunto", _("Asunto")),
    )

    def serie(self, periodos):
        reportes = ReporteMonitoreo.objects.all()
        return serie_de_conteos(
            contar_por_periodo(reportes, "fecha", periodos),
            contar_por_periodo(reportes, "enviado_en", periodos),
            periodos,
        )

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return ReporteMonitoreo.objects.filter(
            Q(fecha__gte=periodo.inicio, fecha__lt=periodo.fin)
            | Q(enviado_en__gte=desde, enviado_en__lt=hasta)
        ).order_by("fecha")


def _quejas():
    return Mencion.objects.filter(tipo__in=CANALIZABLES)


def dias_habiles_de(pares):
    """Business days from each ``(inicio, fin)`` pair's start (not counted) to its
    end (counted): one running count over the calendar they span, then a
    subtraction per pair, so a year of complaints costs one pass over its days."""
    if not pares:
        return []
    desde, hasta = min(c for c, _r in pares), max(r for _c, r in pares)
    inhabiles = dias_inhabiles(desde, hasta)
    acumulados, habiles = {}, 0
    for ordinal in range(desde.toordinal(), hasta.toordinal() + 1):
        fecha = desde.fromordinal(ordinal)
        habiles += es_habil(fecha, inhabiles)
        acumulados[fecha] = habiles
    return [max(0, acumulados[r] - acumulados[c]) for c, r in pares]


class QuejasAtendidas(Indicador):
    """002 §4: complaints, suggestions and questions received, channelled, answered."""

    slug = "quejas"
    nombre = _("Quejas y sugerencias recibidas / respondidas en plazo")
    manual = _("002 León §4; 003 ISSSTESON, P03")
    definicion = _(
        "Recibidas: quejas, sugerencias y dudas por la fecha de su publicación. "
        "Respondidas en plazo: las que el área respondió en el periodo a más tardar "
        "el día de su vencimiento (días hábiles del calendario oficial y de la "
        "institución). La mediana cuenta los días hábiles de la canalización a la "
        "respuesta de las respondidas en el periodo."
    )
    etiqueta_programados = _("Recibidas")
    etiqueta_realizados = _("Respondidas en plazo")
    permiso = VER_MENCION
    orden = 40
    columnas = (
        ("publicada_en", _("Fecha")),
        ("get_tipo_display", _("Tipo")),
        ("area", _("Área")),
        ("get_estado_display", _("Estado")),
        ("canalizada_en", _("Canalizada")),
        ("vence", _("Vence")),
        ("respondida_en", _("Respondida")),
    )

    def serie(self, periodos):
        quejas = _quejas()
        en_plazo = quejas.filter(respondida_en__date__lte=F("vence"))
        return serie_de_conteos(
            contar_por_periodo(quejas, "publicada_en", periodos),
            contar_por_periodo(en_plazo, "respondida_en", periodos),
            periodos,
        )

    def extras(self, periodo):
        desde, hasta = periodo.rango()
        canalizadas = _quejas().filter(
            canalizada_en__gte=desde, canalizada_en__lt=hasta
        )
        # Local dates computed by the database: no per-row datetime in Python.
        pares = list(
            _quejas()
            .filter(
                respondida_en__gte=desde,
                respondida_en__lt=hasta,
                canalizada_en__isnull=False,
            )
            .annotate(c=TruncDate("canalizada_en"), r=TruncDate("respondida_en"))
            .values_list("c", "r")
        )
        valor = mediana(dias_habiles_de(pares))
        return (
            (_("Canalizadas"), canalizadas.count()),
            (
                _("Mediana de días hábiles para responder"),
                "—" if valor is None else f"{valor:g}",
            ),
        )

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            _quejas()
            .filter(
                Q(publicada_en__gte=desde, publicada_en__lt=hasta)
                | Q(canalizada_en__gte=desde, canalizada_en__lt=hasta)
                | Q(respondida_en__gte=desde, respondida_en__lt=hasta)
            )
            .select_related("area")
            .order_by("publicada_en", "pk")
        )


class Recepcion(Indicador):
    """002 León 4.4: positive against negative reception of what was published."""

    slug = "recepcion"
    nombre = _("Recepción positiva / negativa")
    manual = _("002 León, 4.4")
    definicion = _(
        "Menciones y comentarios clasificados como negativos y como positivos, por "
        "la fecha de su publicación. La razón es positivos sobre negativos; los "
        "neutros no cuentan."
    )
    etiqueta_programados = _("Negativos")
    etiqueta_realizados = _("Positivos")
    permiso = VER_MENCION
    orden = 50
    columnas = (
        ("publicada_en", _("Fecha")),
        ("medio", _("Medio")),
        ("get_tipo_display", _("Tipo")),
        ("get_sentimiento_display", _("Sentimiento")),
        ("url", _("Dirección")),
    )

    def serie(self, periodos):
        conteos = contar_varios_por_periodo(
            Mencion.objects.filter(sentimiento__in=(POSITIVO, NEGATIVO)),
            "publicada_en",
            periodos,
            negativos=Q(sentimiento=NEGATIVO),
            positivos=Q(sentimiento=POSITIVO),
        )
        return serie_de_conteos(conteos["negativos"], conteos["positivos"], periodos)

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            Mencion.objects.filter(
                sentimiento__in=(POSITIVO, NEGATIVO),
                publicada_en__gte=desde,
                publicada_en__lt=hasta,
            )
            .select_related("medio")
            .order_by("publicada_en", "pk")
        )


def _boletines():
    return Page.objects.type(apps.get_model(settings.MONITOREO_BOLETIN))


class Cobertura(Indicador):
    """000 §5.2.4: boletines published in the period that the media picked up."""

    slug = "cobertura"
    nombre = _("Cobertura: boletines publicados / con al menos una nota")
    manual = _("000 CECyTE §5.2.4; 003 ISSSTESON, P03")
    definicion = _(
        "Publicados: boletines por la fecha de su primera publicación. Con cobertura: "
        "de ellos, los que tienen al menos una nota informativa de un medio que los "
        "retoma, registrada en el monitoreo. Notas por boletín: notas de esos "
        "boletines entre boletines publicados."
    )
    etiqueta_programados = _("Publicados")
    etiqueta_realizados = _("Con cobertura")
    permiso = VER_MENCION
    orden = 60
    columnas = (
        ("title", _("Boletín")),
        ("first_published_at", _("Publicado")),
        ("recogidas", _("Notas")),
    )

    def _con_notas(self):
        return _boletines().annotate(
            recogidas=Count(
                "menciones_de_monitoreo",
                filter=Q(menciones_de_monitoreo__tipo=NOTA),
            )
        )

    def serie(self, periodos):
        boletines = _boletines()
        cubiertos = boletines.filter(menciones_de_monitoreo__tipo=NOTA)
        return serie_de_conteos(
            contar_por_periodo(boletines, "first_published_at", periodos),
            contar_por_periodo(
                cubiertos, "first_published_at", periodos, distintos="pk"
            ),
            periodos,
        )

    def extras(self, periodo):
        desde, hasta = periodo.rango()
        publicados = _boletines().filter(
            first_published_at__gte=desde, first_published_at__lt=hasta
        )
        notas = Mencion.objects.filter(tipo=NOTA, publicacion__in=publicados).count()
        total = publicados.count()
        return (
            (
                _("Notas por boletín"),
                f"{notas / total:.1f}" if total else "—",
            ),
        )

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            self._con_notas()
            .filter(first_published_at__gte=desde, first_published_at__lt=hasta)
            .order_by("first_published_at", "pk")
        )


class PublicacionesEnMedios(Indicador):
    """003's unit-wide indicator: what the media published about the institution."""

    slug = "medios"
    nombre = _("Publicaciones en medios de comunicación")
    manual = _("003 ISSSTESON, Unidad de Enlace de Comunicación Social")
    definicion = _(
        "Notas informativas y columnas de medios sobre la institución registradas "
        "en el monitoreo, por la fecha de su publicación. No hay meta programada."
    )
    etiqueta_realizados = _("Publicaciones")
    permiso = VER_MENCION
    orden = 70
    columnas = (
        ("publicada_en", _("Fecha")),
        ("medio", _("Medio")),
        ("get_tipo_display", _("Tipo")),
        ("get_sentimiento_display", _("Sentimiento")),
        ("url", _("Dirección")),
    )

    def _notas(self):
        return Mencion.objects.filter(tipo__in=(NOTA, COLUMNA))

    def serie(self, periodos):
        return serie_de_conteos(
            None, contar_por_periodo(self._notas(), "publicada_en", periodos), periodos
        )

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            self._notas()
            .filter(publicada_en__gte=desde, publicada_en__lt=hasta)
            .select_related("medio")
            .order_by("publicada_en", "pk")
        )


class SintesisRegistradas(Indicador):
    """P04: síntesis informativas made against those registered in the control."""

    slug = "sintesis"
    nombre = _("Síntesis realizadas / registradas")
    manual = _("003 ISSSTESON, P04 (red de procesos)")
    definicion = _(
        "Realizadas: síntesis informativas elaboradas, por su fecha. Registradas: "
        "las que quedaron en el control de síntesis como enviadas a la Dirección "
        "General, por la fecha de su envío. Fuera de hora: enviadas después de la "
        "hora límite."
    )
    etiqueta_programados = _("Realizadas")
    etiqueta_realizados = _("Registradas (enviadas)")
    permiso = VER_SINTESIS
    orden = 35
    columnas = (
        ("fecha", _("Fecha")),
        ("enviada", _("Enviada")),
        ("fuera_de_hora", _("Fuera de hora")),
    )

    def serie(self, periodos):
        return serie_de_conteos(
            contar_por_periodo(Sintesis.objects.all(), "fecha", periodos),
            contar_por_periodo(
                ControlSintesis.objects.filter(enviada_en__isnull=False),
                "enviada_en",
                periodos,
            ),
            periodos,
        )

    def extras(self, periodo):
        desde, hasta = periodo.rango()
        tardias = ControlSintesis.objects.filter(
            enviada_en__gte=desde, enviada_en__lt=hasta, tardia=True
        ).count()
        return ((_("Enviadas fuera de hora"), tardias),)

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            Sintesis.objects.filter(
                Q(fecha__gte=periodo.inicio, fecha__lt=periodo.fin)
                | Q(control__enviada_en__gte=desde, control__enviada_en__lt=hasta)
            )
            .annotate(
                enviada=F("control__enviada_en"),
                fuera_de_hora=Case(
                    When(control__tardia=True, then=Value(gettext("Sí"))),
                    default=Value(""),
                    output_field=CharField(),
                ),
            )
            .order_by("fecha")
        )


INDICADORES = (
    ReportesDeMonitoreo,
    SintesisRegistradas,
    QuejasAtendidas,
    Recepcion,
    Cobertura,
    PublicacionesEnMedios,
)
