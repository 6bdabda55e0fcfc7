"""The dashboard Informes → Indicadores, each indicator's table and rows, exports
and the monthly PDF report."""

import datetime
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from archivo.almacenamiento import descarga
from cms.indicadores import MES, TIPOS_DE_PERIODO, Periodo, indicador, registrados
from home.models import InstitucionSettings

from .graficas import grafica
from .informe import generar_informe_mensual
from .models import InformeIndicadores
from .permissions import GENERAR_INFORME, VER_INDICADORES


def exigir(usuario, permiso=VER_INDICADORES):
    if not usuario.has_perm(permiso):
        raise PermissionDenied


def periodo_de(request):
    return Periodo.de_parametros(request.GET.get("tipo"), request.GET.get("periodo"))


def texto(valor):
    """A cell as a person reads it: local dates, «—» for nothing."""
    if valor is None or valor == "":
        return "—"
    if isinstance(valor, datetime.datetime):
        return date_format(timezone.localtime(valor), "d/m/Y H:i")
    if isinstance(valor, datetime.date):
        return date_format(valor, "d/m/Y")
    return str(valor)


def tarjeta(ind, periodo, usuario, n=0):
    """What the dashboard shows of one indicator for ``periodo``."""
    cifras = ind.tendencia(periodo)
    actual = cifras[-1]
    consulta = f"?tipo={periodo.tipo}&periodo={periodo.valor}"
    return SimpleNamespace(
        indicador=ind,
        actual=actual,
        cifras=list(reversed(cifras)),
        grafica=grafica(ind, cifras, f"grafica-{ind.slug}-{n}"),
        extras=ind.extras(periodo),
        url_filas=(
            reverse("indicadores:filas", args=(ind.slug,)) + consulta
            if ind.puede_ver(usuario)
            else ""
        ),
        url_tabla=reverse("indicadores:tabla", args=(ind.slug,)) + consulta,
    )


class TableroView(TemplateView):
    """Every registered indicator for a month, quarter or year, with its chart."""

    template_name = "indicadores/tablero.html"

    def dispatch(self, request, *args, **kwargs):
        exigir(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        periodo = periodo_de(self.request)
        usuario = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "periodo": periodo,
            "tipos": TIPOS_DE_PERIODO,
            "anterior": periodo.desplazado(-1),
            "siguiente": periodo.desplazado(1),
            "tarjetas": [
                tarjeta(ind, periodo, usuario, n) for n, ind in enumerate(registrados())
            ],
            "puede_generar": periodo.tipo == MES and usuario.has_perm(GENERAR_INFORME),
            "informes": InformeIndicadores.objects.filter(
                periodo_inicio=periodo.inicio
            )[:5]
            if periodo.tipo == MES
            else [],
            "header_title": _("Indicadores"),
        }


class _VistaDeIndicador(ReportView):
    """A report of one registered indicator; ``slug`` comes in the URL."""

    header_icon = "table"
    paginate_by = 200

    def dispatch(self, request, *args, **kwargs):
        exigir(request.user)
        self.indicador = indicador(kwargs.get("slug"))
        if self.indicador is None:
            raise Http404
        self.periodo = periodo_de(request)
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        return self.request.path

    def get_index_results_url(self):
        return self.request.path

    def to_row_dict(self, item):
        return {
            campo: texto(valor) for campo, valor in super().to_row_dict(item).items()
        }


class TablaView(_VistaDeIndicador):
    """An indicator's figures over the 12 periods ending with the chosen one."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        ind = indicador(kwargs.get("slug"))
        self.page_title = ind.nombre if ind else ""
        etiquetas = {
            "periodo_texto": gettext_lazy("Periodo"),
            "programados": ind.etiqueta_programados if ind else "",
            "realizados": ind.etiqueta_realizados if ind else "",
            "porcentaje": gettext_lazy("Realizados / programados"),
        }
        self.columns = [Column(c, label=e) for c, e in etiquetas.items()]
        self.list_export = list(etiquetas)
        self.export_headings = etiquetas

    def get_queryset(self):
        return [
            SimpleNamespace(
                periodo_texto=str(c.periodo),
                programados="—" if c.programados is None else c.programados,
                realizados=c.realizados,
                porcentaje=c.porcentaje,
            )
            for c in reversed(self.indicador.tendencia(self.periodo))
        ]

    def get_filename(self):
        return f"indicador-{self.indicador.slug}-{self.periodo.valor}"


class FilasView(_VistaDeIndicador):
    """The rows behind an indicator's figures for one period: the audit trail."""

    def dispatch(self, request, *args, **kwargs):
        ind = indicador(kwargs.get("slug"))
        if ind is not None and not ind.puede_ver(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        ind = indicador(kwargs.get("slug"))
        columnas = dict(ind.columnas) if ind else {}
        self.page_title = ind.nombre if ind else ""
        self.columns = [
            Column(c, label=e, accessor=lambda o, c=c: texto(_leer(o, c)))
            for c, e in columnas.items()
        ]
        self.list_export = list(columnas)
        self.export_headings = columnas

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["page_subtitle"] = str(self.periodo)
        return contexto

    def get_queryset(self):
        return self.indicador.filas(self.periodo)

    def to_row_dict(self, item):
        return {c: texto(_leer(item, c)) for c in self.list_export}

    def get_filename(self):
        return f"indicador-{self.indicador.slug}-filas-{self.periodo.valor}"


def _leer(objeto, campo):
    valor = getattr(objeto, campo, None)
    valor = valor() if callable(valor) else valor
    if isinstance(valor, (datetime.date, datetime.datetime)) or valor is None:
        return valor
    return valor if isinstance(valor, int) else str(valor)


@require_POST
def generar_informe(request):
    """Generate the month's PDF report; the generated report becomes a record."""
    exigir(request.user)
    exigir(request.user, GENERAR_INFORME)
    periodo = Periodo.de_parametros(MES, request.POST.get("periodo"))
    institucion = InstitucionSettings.for_request(request)
    informe = generar_informe_mensual(periodo, request.user, institucion)
    messages.success(
        request, _("Se generó y archivó el %(informe)s.") % {"informe": informe}
    )
    return redirect(
        reverse("indicadores:tablero") + f"?tipo={MES}&periodo={periodo.valor}"
    )


def descargar_informe(request, pk):
    """A generated monthly report, for whoever may see the dashboard."""
    exigir(request.user)
    informe = get_object_or_404(InformeIndicadores, pk=pk)
    return descarga(
        informe.pdf, f"informe-indicadores-{informe.periodo_inicio:%Y-%m}.pdf"
    )
