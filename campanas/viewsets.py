"""Admin viewsets of the campaigns: calendar, compliance report, instructions."""

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views import snippets as vistas
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.administracion.alcance import en_alcance
from cms.administracion.reportes import ReporteViewSet
from cms.administracion.viewsets import ConPermisoViewSet

from .models import Instruccion, ReporteCumplimiento
from .permissions import CAMBIAR_INSTRUCCIONES, VER_CALENDARIO, VER_CUMPLIMIENTO
from .politicas import planteles_de
from .views import (
    CumplimientoView,
    calendario_view,
    marcar_publicada_view,
    programa_mensual_view,
    regenerar_token_view,
)


class CalendarioViewSet(ConPermisoViewSet):
    """The posts calendar and its actions; each view checks its own permission."""

    name = "calendario_campanas"
    url_prefix = "campanas"
    permiso = VER_CALENDARIO
    icon = "date"
    menu_label = _("Calendario de publicaciones")
    menu_order = 250
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("calendario/", calendario_view, name="index"),
            path(
                "calendario/nueva-direccion/",
                regenerar_token_view,
                name="nueva_direccion",
            ),
            path(
                "publicaciones/<int:pk>/publicada/",
                marcar_publicada_view,
                name="marcar_publicada",
            ),
            path(
                "<int:page_id>/programa-mensual/",
                programa_mensual_view,
                name="programa_mensual",
            ),
        ]


class CumplimientoViewSet(ReporteViewSet):
    """Quarterly compliance per campus, for whoever may see every campus's reports."""

    name = "cumplimiento_planteles"
    url_prefix = "campanas/cumplimiento"
    permiso = VER_CUMPLIMIENTO
    view_class = CumplimientoView
    icon = "tasks"
    menu_label = _("Cumplimiento de planteles")
    menu_order = 1500


class InspeccionDeInstruccion(vistas.InspectView):
    """Only an instruction the person may list: another campus's is a 404."""

    def get_object(self, queryset=None):
        objeto = super().get_object(queryset)
        visibles = Instruccion.snippet_viewset.get_queryset(self.request)
        if not visibles.filter(pk=objeto.pk).exists():
            raise Http404
        return objeto


class InstruccionViewSet(SnippetViewSet):
    """Instructions given to the campuses, with their date and campaign.

    Who gives them sees them all; an enlace reads (inspect, no edit) only those
    sent to its campus.
    """

    model = Instruccion
    icon = "list-ul"
    menu_label = _("Instrucciones a planteles")
    list_display = ["titulo", "fecha", "campana"]
    list_filter = ["fecha"]
    inspect_view_enabled = True
    inspect_view_class = InspeccionDeInstruccion

    def get_queryset(self, request):
        instrucciones = Instruccion.objects.select_related("campana")
        if request.user.has_perm(CAMBIAR_INSTRUCCIONES):
            return instrucciones
        return instrucciones.filter(planteles__in=planteles_de(request.user)).distinct()


class AltaDeReporte(vistas.CreateView):
    """The form opens with the instruction and campus it answers (the dashboard's
    «Reportar» link passes them in the query string)."""

    def get_initial_form_instance(self):
        reporte = super().get_initial_form_instance() or self.model()
        for campo in ("instruccion", "plantel"):
            valor = self.request.GET.get(campo, "")
            if valor.isdigit():
                setattr(reporte, f"{campo}_id", int(valor))
        return reporte


class ReporteCumplimientoViewSet(SnippetViewSet):
    """Enlaces file, open and see only their own campus's reports.

    The list, its CSV/XLSX export and the chooser use :meth:`get_queryset`; every
    single-object view (edit, delete, history, usage, inspect, copy) and the bulk
    actions ask :class:`~campanas.politicas.PoliticaDeReportes` (registered in
    ``wagtail_hooks``) about the report.
    """

    model = ReporteCumplimiento
    icon = "doc-full"
    # Its own entry, not under «Fragmentos»: it is the enlaces' everyday work.
    menu_label = _("Evidencias")  # the sidebar cuts a longer label
    menu_name = "evidencias"
    add_to_admin_menu = True
    menu_order = 260
    add_view_class = AltaDeReporte
    list_display = ["descripcion", "plantel", "fecha", "instruccion"]
    list_filter = ["plantel", "fecha"]
    list_export = ["descripcion", "plantel", "fecha", "instruccion", "enlaces"]
    inspect_view_enabled = True
    edit_view_class = en_alcance(vistas.EditView)
    delete_view_class = en_alcance(vistas.DeleteView)
    usage_view_class = en_alcance(vistas.UsageView)
    history_view_class = en_alcance(vistas.HistoryView)
    inspect_view_class = en_alcance(vistas.InspectView)
    copy_view_class = en_alcance(vistas.CopyView)

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["add", "change", "delete", "view"]
        ).select_related("plantel", "instruccion")

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)

        class Formulario(base):
            def __init__(self, *args, for_user=None, **kwargs):
                super().__init__(*args, for_user=for_user, **kwargs)
                if for_user and not for_user.has_perm(VER_CUMPLIMIENTO):
                    self.fields["plantel"].queryset = planteles_de(for_user)

            def save(self, commit=True):
                if self.for_user and not self.instance.responsable_id:
                    self.instance.responsable = self.for_user
                return super().save(commit)

        return Formulario
