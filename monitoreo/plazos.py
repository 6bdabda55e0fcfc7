"""Deadlines in business days on the Mexican calendar.

Weekends and the official rest days of the Ley Federal del Trabajo, art. 74
(``holidays.country_holidays("MX")``: 1 January, first Monday of February, third
Monday of March, 1 May, 16 September, third Monday of November, 25 December and
the change of federal executive), plus the days the institution adds
(:class:`DiaInhabil`). The days per type come from :class:`PlazoTipo`, else from
``MONITOREO_PLAZOS``.
"""

from datetime import timedelta

import holidays
from django.conf import settings

from .models import DiaInhabil, PlazoTipo


def dias_inhabiles(desde, hasta):
    """The non-working weekdays between two dates: official and the institution's."""
    oficiales = holidays.country_holidays("MX", years=range(desde.year, hasta.year + 1))
    propios = DiaInhabil.objects.filter(fecha__range=(desde, hasta)).values_list(
        "fecha", flat=True
    )
    return {d for d in oficiales if desde <= d <= hasta} | set(propios)


def es_habil(fecha, inhabiles):
    return fecha.weekday() < 5 and fecha not in inhabiles


def sumar_dias_habiles(inicio, dias):
    """The date ``dias`` business days after ``inicio`` (which does not count)."""
    # Two calendar weeks per business week and a margin cover any run of holidays.
    inhabiles = dias_inhabiles(inicio, inicio + timedelta(days=dias * 2 + 30))
    fecha, restantes = inicio, dias
    while restantes:
        fecha += timedelta(days=1)
        if es_habil(fecha, inhabiles):
            restantes -= 1
    return fecha


def siguiente_dia_habil(fecha):
    return sumar_dias_habiles(fecha, 1)


def dias_para(tipo):
    """The business days an área has to answer a mention of ``tipo``."""
    plazo = PlazoTipo.objects.filter(tipo=tipo).first()
    if plazo:
        return plazo.dias_habiles
    return settings.MONITOREO_PLAZOS.get(tipo, settings.MONITOREO_PLAZOS["default"])


def vencimiento(tipo, canalizada_el):
    return sumar_dias_habiles(canalizada_el, dias_para(tipo))
