"""Admin views: the media deliveries and the boletines indicator."""

import datetime
from types import SimpleNamespace

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import WorkflowState

from cms.administracion.columnas import ReintentarColumn
from home.templatetags.institucion_tags import fecha_larga

from .models import BoletinPage, Distribucion, Envio, Folio
from .tasks import reintentar_ahora

VER_ENVIOS = "boletines.view_envio"
REINTENTAR = "boletines.reintentar_envio"
VER_INDICADORES = "boletines.ver_indicadores"


class EnviosFilterSet(WagtailFilterSet):
    estado = django_filters.ChoiceFilter(label=_("Estado"), choices=Envio.ESTADOS)
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), field_name="distribucion__tipo", choices=Distribucion.TIPOS
    )

    class Meta:
        model = Envio
        fields = ["estado", "tipo"]


class EnviosView(ReportView):
    """Every delivery with its state and last error; failures until they are sent."""

    page_title = _("Envíos a medios")
    header_icon = "mail"
    filterset_class = EnviosFilterSet
    columns = [
        Column("distribucion.asunto", label=_("Asunto")),
        Column("nombre", label=_("Destinatario")),
        Column("medio", label=_("Medio")),
        Column("correo", label=_("Correo")),
        Column("get_estado_display", label=_("Estado")),
        Column("intentos", label=_("Intentos")),
        Column("ultimo_error", label=_("Último error")),
        DateColumn("enviado_en", label=_("Enviado")),
        DateColumn("proximo_intento", label=_("Próximo intento")),
        ReintentarColumn(
            "acciones",
            label="",
            url_name="envios_boletines:reintentar",
            permiso=REINTENTAR,
            estados=(Envio.FALLIDO, Envio.REINTENTANDO),
        ),
    ]
    list_export = [
        "distribucion.asunto",
        "nombre",
        "medio",
        "correo",
        "get_estado_display",
        "intentos",
        "ultimo_error",
        "creado",
        "enviado_en",
    ]
    export_headings = {
        "distribucion.asunto": _("Asunto"),
        "nombre": _("Destinatario"),
        "medio": _("Medio"),
        "correo": _("Correo"),
        "get_estado_display": _("Estado"),
        "intentos": _("Intentos"),
        "ultimo_error": _("Último error"),
        "creado": _("Creado"),
        "enviado_en": _("Enviado"),
    }

    def get_queryset(self):
        return Envio.objects.select_related("distribucion").order_by(
            "-creado", "correo"
        )

    def get_filename(self):
        return f"envios-{datetime.date.today():%Y-%m-%d}"


@require_POST
def reintentar_envio_view(request, pk):
    if not request.user.has_perm(REINTENTAR):
        raise PermissionDenied
    envio = get_object_or_404(Envio, pk=pk)
    if reintentar_ahora(envio):
        messages.success(
            request, _("Se volverá a enviar a %(correo)s.") % {"correo": envio.correo}
        )
    else:
        messages.error(request, _("Este envío no está fallido."))
    return redirect("envios_boletines:index")


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
