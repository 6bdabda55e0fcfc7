"""The boletines indicator: programmed vs published per month."""

import datetime
from types import SimpleNamespace

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from home.templatetags.institucion_tags import fecha_larga

from ..indicadores import con_fecha_programada
from ..models import Folio


def programados_por_mes():
    """Boletines per month they were programmed for, each one counted once
    (the rule of :func:`boletines.indicadores.con_fecha_programada`)."""
    fechas = (
        con_fecha_programada()
        .annotate(mes=TruncMonth("programado"))
        .filter(mes__isnull=False)
    )
    return {
        fila["mes"].date(): fila["n"]
        for fila in fechas.values("mes").annotate(n=Count("pk")).order_by()
    }


def indicadores():
    """Per month, boletines programmed and published.

    A boletín counts once, in the month it was programmed for; its publication
    counts in the month its folio was given at go-live, so a later takedown or
    deletion does not rewrite history, and one approved in a month and going live
    in the next counts in the second.
    """
    programados = programados_por_mes()
    publicados = {}
    for mes in Folio.objects.annotate(mes=TruncMonth("asignado")).values_list(
        "mes", flat=True
    ):
        publicados[mes.date()] = publicados.get(mes.date(), 0) + 1
    filas = []
    for mes in sorted(set(programados) | set(publicados), reverse=True):
        n_programados = programados.get(mes, 0)
        n_publicados = publicados.get(mes, 0)
        filas.append(
            SimpleNamespace(
                mes=mes,
                mes_texto=fecha_larga(mes).split(" de ", 1)[1],
                programados=n_programados,
                publicados=n_publicados,
                cumplimiento=(
                    f"{round(100 * n_publicados / n_programados)} %"
                    if n_programados
                    else "—"
                ),
            )
        )
    return filas


class IndicadoresView(ReportView):
    """Boletines programados vs publicados, per month, exportable."""

    page_title = _("Boletines programados vs publicados")
    header_icon = "table"
    paginate_by = 24
    columns = [
        Column("mes_texto", label=_("Mes")),
        Column("programados", label=_("Programados")),
        Column("publicados", label=_("Publicados")),
        Column("cumplimiento", label=_("Publicados / programados")),
    ]
    list_export = ["mes_texto", "programados", "publicados", "cumplimiento"]
    export_headings = {
        "mes_texto": _("Mes"),
        "programados": _("Programados"),
        "publicados": _("Publicados"),
        "cumplimiento": _("Publicados / programados"),
    }

    def get_queryset(self):
        return indicadores()

    def get_filename(self):
        return f"boletines-programados-vs-publicados-{datetime.date.today():%Y-%m-%d}"
