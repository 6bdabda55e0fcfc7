"""The daily monitoring report: its figures, its PDF, its delivery (ISSSTESON P03).

«Reportes hechos / enviados» (the P03 indicator) is :func:`indicador`, computed
from the report rows.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from .cobertura import modelo_boletin
from .models import Mencion, ReporteMonitoreo
from .models.menciones import CANALIZABLES, NOTA, SENTIMIENTOS, TIPOS


def _dia(fecha):
    inicio = timezone.make_aware(datetime.combine(fecha, time.min))
    return inicio, inicio + timedelta(days=1)


def _conteo(menciones, campo, opciones):
    cuentas = dict(menciones.values_list(campo).annotate(n=Count("pk")).order_by())
    return [(str(nombre), cuentas.get(clave, 0)) for clave, nombre in opciones]


def datos_del_dia(fecha):
    """Counts by type, sentiment and outlet; notable mentions; complaints; coverage."""
    inicio, fin = _dia(fecha)
    del_dia = Mencion.objects.filter(publicada_en__gte=inicio, publicada_en__lt=fin)
    por_medio = list(
        del_dia.exclude(medio=None)
        .values_list("medio__nombre")
        .annotate(n=Count("pk"))
        .order_by("-n", "medio__nombre")
    )
    destacadas = list(
        del_dia.filter(destacada=True).select_related("medio").order_by("publicada_en")
    )
    quejas = list(
        Mencion.objects.filter(tipo__in=CANALIZABLES, canalizada_en__gte=inicio)
        .filter(canalizada_en__lt=fin)
        .select_related("area", "medio")
        .order_by("canalizada_en")
    )
    boletines = [
        (
            boletin,
            list(
                Mencion.objects.filter(publicacion=boletin, tipo=NOTA)
                .select_related("medio")
                .order_by("publicada_en")
            ),
        )
        for boletin in modelo_boletin()
        .objects.live()
        .filter(first_published_at__gte=inicio - timedelta(days=3))
        .filter(first_published_at__lt=fin)
        .order_by("first_published_at")
    ]
    return {
        "fecha": fecha,
        "total": del_dia.count(),
        "por_tipo": _conteo(del_dia, "tipo", TIPOS),
        "por_sentimiento": _conteo(del_dia, "sentimiento", SENTIMIENTOS),
        "por_medio": por_medio,
        "destacadas": destacadas,
        "quejas": quejas,
        "boletines": boletines,
    }


def asunto_de(reporte):
    return f"Reporte de monitoreo del {reporte.fecha:%d/%m/%Y}"


def indicador(desde, hasta):
    """Reports made and reports sent to the Director General in a period."""
    reportes = ReporteMonitoreo.objects.filter(fecha__range=(desde, hasta))
    return {
        "hechos": reportes.count(),
        "enviados": reportes.exclude(enviado_en=None).count(),
    }


@transaction.atomic
def generar(fecha, usuario):
    """The report of ``fecha``: created once, reopened afterwards."""
    reporte, _ = ReporteMonitoreo.objects.get_or_create(
        fecha=fecha, defaults={"generado_por": usuario}
    )
    return reporte
