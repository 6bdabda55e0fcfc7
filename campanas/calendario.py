"""The programmed posts of the live campaigns: month grid, ICS feed, overdue list."""

import calendar
from datetime import datetime, time, timedelta

from django.utils import timezone

from .models import CampanaPage, Evidencia, PublicacionProgramada


def publicaciones(desde, hasta):
    """Posts of live campaigns between two dates (inclusive), with their evidence."""
    inicio = timezone.make_aware(datetime.combine(desde, time.min))
    fin = timezone.make_aware(datetime.combine(hasta + timedelta(days=1), time.min))
    posts = list(
        PublicacionProgramada.objects.filter(
            page__in=CampanaPage.objects.live(), fecha__gte=inicio, fecha__lt=fin
        )
        .select_related("page")
        .order_by("fecha", "pk")
    )
    evidencias = {
        e.publicacion_id: e
        for e in Evidencia.objects.filter(publicacion__in=[p.pk for p in posts])
    }
    ahora = timezone.now()
    for post in posts:
        post.evidencia_registrada = evidencias.get(post.pk)
        post.estado_actual = post.estado(ahora, post.evidencia_registrada)
    return posts


def mes(anio, numero):
    """Weeks of the month (Monday first) as lists of (day, posts of that day)."""
    semanas = calendar.Calendar().monthdatescalendar(anio, numero)
    posts = publicaciones(semanas[0][0], semanas[-1][-1])
    por_dia = {}
    for post in posts:
        por_dia.setdefault(timezone.localtime(post.fecha).date(), []).append(post)
    return [[(dia, por_dia.get(dia, [])) for dia in semana] for semana in semanas]


def vencidas(limite=50):
    """Posts of the last 90 days whose day ended without evidence, oldest first."""
    hoy = timezone.localdate()
    posts = publicaciones(hoy - timedelta(days=90), hoy - timedelta(days=1))
    return [p for p in posts if p.estado_actual == p.VENCIDA][:limite]
