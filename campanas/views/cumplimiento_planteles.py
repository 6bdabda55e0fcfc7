"""The quarterly campus-compliance report."""

import datetime
from types import SimpleNamespace

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from cms.consulta import entero
from home.models import PlantelPage

from ..models import Instruccion, ReporteCumplimiento


def trimestre_de(fecha):
    """The quarter (1 to 4) of ``fecha``."""
    return (fecha.month - 1) // 3 + 1


def cumplimiento(anio, trimestre):
    """Per campus: instructions given in the quarter vs instructions with evidence."""
    desde = datetime.date(anio, 3 * (trimestre - 1) + 1, 1)
    hasta = (desde + datetime.timedelta(days=93)).replace(day=1)
    instrucciones = Instruccion.objects.filter(fecha__gte=desde, fecha__lt=hasta)
    dadas = {}
    for plantel_id, instruccion_id in instrucciones.values_list("planteles", "pk"):
        if plantel_id:
            dadas.setdefault(plantel_id, set()).add(instruccion_id)
    reportes = ReporteCumplimiento.objects.filter(fecha__gte=desde, fecha__lt=hasta)
    atendidas, filados = {}, {}
    for plantel_id, instruccion_id in reportes.values_list("plantel", "instruccion"):
        filados[plantel_id] = filados.get(plantel_id, 0) + 1
        if instruccion_id in dadas.get(plantel_id, ()):
            atendidas.setdefault(plantel_id, set()).add(instruccion_id)
    filas = []
    for plantel in PlantelPage.objects.order_by("title"):
        n_dadas = len(dadas.get(plantel.pk, ()))
        n_atendidas = len(atendidas.get(plantel.pk, ()))
        filas.append(
            SimpleNamespace(
                plantel=plantel.title,
                instrucciones=n_dadas,
                atendidas=n_atendidas,
                reportes=filados.get(plantel.pk, 0),
                porcentaje=round(100 * n_atendidas / n_dadas) if n_dadas else None,
                cumplimiento=(
                    f"{round(100 * n_atendidas / n_dadas)} %" if n_dadas else "—"
                ),
            )
        )
    return filas


class CumplimientoView(ReportView):
    """Quarterly compliance per campus, with a bar chart and CSV/XLSX export."""

    page_title = _("Cumplimiento de planteles")
    header_icon = "tasks"
    template_name = "campanas/admin/cumplimiento.html"
    paginate_by = 100
    columns = [
        Column("plantel", label=_("Plantel")),
        Column("instrucciones", label=_("Instrucciones")),
        Column("atendidas", label=_("Atendidas con evidencia")),
        Column("reportes", label=_("Reportes")),
        Column("cumplimiento", label=_("Cumplimiento")),
    ]
    list_export = ["plantel", "instrucciones", "atendidas", "reportes", "cumplimiento"]
    export_headings = {
        "plantel": _("Plantel"),
        "instrucciones": _("Instrucciones"),
        "atendidas": _("Atendidas con evidencia"),
        "reportes": _("Reportes"),
        "cumplimiento": _("Cumplimiento"),
    }

    def dispatch(self, request, *args, **kwargs):
        hoy = timezone.localdate()
        actual = {"anio": hoy.year, "trimestre": trimestre_de(hoy)}
        pedido = {**actual, **request.GET.dict()}
        self.anio = entero(pedido, "anio", minimo=2000, maximo=2999)
        self.trimestre = entero(pedido, "trimestre", minimo=1, maximo=4)
        # A bad year or quarter shows the current quarter, not half of each.
        if self.anio is None or self.trimestre is None:
            self.anio, self.trimestre = actual["anio"], actual["trimestre"]
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return cumplimiento(self.anio, self.trimestre)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            anio=self.anio,
            trimestre=self.trimestre,
            anios=range(timezone.localdate().year, 2019, -1),
            grafica=self.object_list,
            alto_grafica=32 * len(self.object_list),
        )
        return contexto

    def get_filename(self):
        return f"cumplimiento-planteles-{self.anio}-T{self.trimestre}"
