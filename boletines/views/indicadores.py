"""The boletines indicator: programmed vs published per month."""

import datetime
from types import SimpleNamespace

from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import WorkflowState

from home.templatetags.institucion_tags import fecha_larga

from ..models import BoletinPage, Folio


def indicadores():
    """Per month, boletines programmed (go-live date or submission) and published.

    A boletín counts once per month however many times it was submitted; its
    publication counts in the month its folio was given, so a later takedown or
    deletion does not rewrite history.
    """
    programados = {}
    con_fecha = BoletinPage.objects.filter(go_live_at__isnull=False).annotate(
        mes=TruncMonth("go_live_at")
    )
    for pk, mes in con_fecha.values_list("pk", "mes"):
        programados.setdefault(mes.date(), set()).add(str(pk))
    enviados = WorkflowState.objects.filter(
        base_content_type__model="page",
        object_id__in=[
            str(pk) for pk in BoletinPage.objects.values_list("pk", flat=True)
        ],
    ).annotate(mes=TruncMonth("created_at"))
    for object_id, mes in enviados.values_list("object_id", "mes"):
        programados.setdefault(mes.date(), set()).add(object_id)
    publicados = {}
    for mes in Folio.objects.annotate(mes=TruncMonth("asignado")).values_list(
        "mes", flat=True
    ):
        publicados[mes.date()] = publicados.get(mes.date(), 0) + 1
    filas = []
    for mes in sorted(set(programados) | set(publicados), reverse=True):
        n_programados = len(programados.get(mes, ()))
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
