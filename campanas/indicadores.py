"""The campaigns' indicators: posts with evidence, a post every day (001) and the
campuses' quarterly compliance (000, step 5)."""

import datetime

from django.db.models import Count
from django.db.models.functions import Trunc, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.indicadores import (
    Indicador,
    Periodo,
    a_fecha,
    contar_por_periodo,
    serie_de_conteos,
    trunc_de,
)

from .models import Evidencia, Instruccion, PublicacionProgramada, ReporteCumplimiento
from .permissions import VER_CUMPLIMIENTO, VER_EVIDENCIAS


class PublicacionesConEvidencia(Indicador):
    """001 §6: campaign posts programmed in the period against those with evidence."""

    slug = "campanas"
    nombre = _("Publicaciones de campaña programadas / con evidencia")
    manual = _("001 ICM §6")
    definicion = _(
        "Programadas: publicaciones del calendario de las campañas por su fecha y "
        "hora. Con evidencia: publicaciones programadas en el periodo cuya "
        "publicación se registró con su dirección (evidencia)."
    )
    etiqueta_realizados = _("Con evidencia")
    permiso = VER_EVIDENCIAS
    orden = 80
    columnas = (
        ("fecha", _("Programada para")),
        ("page", _("Campaña")),
        ("get_red_display", _("Red")),
        ("evidencia_url", _("Evidencia")),
    )

    def serie(self, periodos):
        return serie_de_conteos(
            contar_por_periodo(PublicacionProgramada.objects.all(), "fecha", periodos),
            contar_por_periodo(Evidencia.objects.all(), "programada_para", periodos),
            periodos,
        )

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        filas = list(
            PublicacionProgramada.objects.filter(fecha__gte=desde, fecha__lt=hasta)
            .select_related("page", "evidencia")
            .order_by("fecha", "pk")
        )
        for fila in filas:
            evidencia = getattr(fila, "evidencia", None)
            fila.evidencia_url = evidencia.url if evidencia else ""
        return filas


def dias_transcurridos(periodo, hoy=None):
    """Days of ``periodo`` up to today (all of them for a past period)."""
    hoy = hoy or timezone.localdate()
    fin = min(periodo.fin, hoy + datetime.timedelta(days=1))
    return max((fin - periodo.inicio).days, 0)


class DiasConPublicacion(Indicador):
    """001 ICM: a post every day; the days of the period with at least one."""

    slug = "dias"
    nombre = _("Días con publicación en redes")
    manual = _("001 ICM §6 (una publicación diaria)")
    definicion = _(
        "Días: los días del periodo transcurridos hasta hoy. Con publicación: días "
        "con al menos una publicación de campaña registrada como publicada "
        "(evidencia), por su fecha de publicación. Los días sin publicación son la "
        "diferencia."
    )
    etiqueta_programados = _("Días")
    etiqueta_realizados = _("Días con publicación")
    permiso = VER_EVIDENCIAS
    orden = 90
    columnas = (
        ("dia", _("Día")),
        ("publicaciones", _("Publicaciones")),
    )

    def serie(self, periodos):
        primero, ultimo = periodos[0], periodos[-1]
        desde, hasta = primero.rango()[0], ultimo.rango()[1]
        filas = (
            Evidencia.objects.filter(publicada_en__gte=desde, publicada_en__lt=hasta)
            .annotate(
                _periodo=Trunc("publicada_en", trunc_de(primero.tipo)),
                _dia=TruncDate("publicada_en"),
            )
            .values("_periodo")
            .annotate(_n=Count("_dia", distinct=True))
            .order_by()
        )
        con_publicacion = {a_fecha(f["_periodo"]): f["_n"] for f in filas}
        return {
            p.inicio: (dias_transcurridos(p), con_publicacion.get(p.inicio, 0))
            for p in periodos
        }

    def extras(self, periodo):
        cifra = self.cifras([periodo])[0]
        return ((_("Días sin publicación"), cifra.programados - cifra.realizados),)

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        conteo = dict(
            Evidencia.objects.filter(publicada_en__gte=desde, publicada_en__lt=hasta)
            .annotate(_dia=TruncDate("publicada_en"))
            .values("_dia")
            .annotate(_n=Count("pk"))
            .order_by()
            .values_list("_dia", "_n")
        )
        return [
            _Dia(periodo.inicio + datetime.timedelta(days=n), conteo)
            for n in range(dias_transcurridos(periodo))
        ]


class _Dia:
    def __init__(self, dia, conteo):
        self.dia = dia
        self.publicaciones = conteo.get(dia, 0)


class CumplimientoDePlanteles(Indicador):
    """000 step 5: instructions to the campuses against those attended with evidence."""

    slug = "planteles"
    nombre = _("Cumplimiento de planteles: instrucciones / atendidas con evidencia")
    manual = _("000 CECyTE §6, paso 5 (estadística trimestral)")
    definicion = _(
        "Instrucciones: cada instrucción dada en el periodo, una vez por plantel al "
        "que va dirigida. Atendidas: de esas, las que el plantel reportó con "
        "evidencia dentro del mismo periodo. Se lee por trimestre."
    )
    etiqueta_programados = _("Instrucciones por plantel")
    etiqueta_realizados = _("Atendidas con evidencia")
    permiso = VER_CUMPLIMIENTO
    orden = 100
    columnas = (
        ("fecha", _("Fecha")),
        ("plantel", _("Plantel")),
        ("instruccion", _("Instrucción")),
        ("descripcion", _("Reporte")),
    )

    def serie(self, periodos):
        desde, hasta = periodos[0].inicio, periodos[-1].fin
        tipo = periodos[0].tipo
        dadas = Instruccion.planteles.through.objects.filter(
            instruccion__fecha__gte=desde, instruccion__fecha__lt=hasta
        ).values_list("instruccion_id", "plantelpage_id", "instruccion__fecha")
        por_periodo = {}
        for instruccion, plantel, fecha in dadas:
            inicio = Periodo.que_contiene(fecha, tipo).inicio
            por_periodo.setdefault(inicio, set()).add((instruccion, plantel))
        atendidas = {}
        reportes = ReporteCumplimiento.objects.filter(
            fecha__gte=desde, fecha__lt=hasta, instruccion__isnull=False
        ).values_list("instruccion_id", "plantel_id", "fecha")
        for instruccion, plantel, fecha in reportes:
            inicio = Periodo.que_contiene(fecha, tipo).inicio
            if (instruccion, plantel) in por_periodo.get(inicio, ()):
                atendidas.setdefault(inicio, set()).add((instruccion, plantel))
        return {
            p.inicio: (
                len(por_periodo.get(p.inicio, ())),
                len(atendidas.get(p.inicio, ())),
            )
            for p in periodos
        }

    def filas(self, periodo):
        return (
            ReporteCumplimiento.objects.filter(
                fecha__gte=periodo.inicio, fecha__lt=periodo.fin
            )
            .select_related("plantel", "instruccion")
            .order_by("fecha", "pk")
        )


INDICADORES = (PublicacionesConEvidencia, DiasConPublicacion, CumplimientoDePlanteles)
