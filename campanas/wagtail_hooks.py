"""Campaigns in the admin: calendar, evidence, monthly programme, compliance."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.administracion.menu import MenuConPermiso
from home.models import PlantelPage

from . import calendario
from .models import Instruccion, ReporteCumplimiento
from .views import (
    VER_CALENDARIO,
    VER_CUMPLIMIENTO,
    CumplimientoView,
    calendario_view,
    marcar_publicada_view,
    programa_mensual_view,
    regenerar_token_view,
)


@hooks.register("register_admin_urls")
def urls_de_campanas():
    return [
        path("campanas/calendario/", calendario_view, name="calendario_campanas"),
        path(
            "campanas/calendario/nueva-direccion/",
            regenerar_token_view,
            name="regenerar_token_calendario",
        ),
        path(
            "campanas/publicaciones/<int:pk>/publicada/",
            marcar_publicada_view,
            name="marcar_publicada",
        ),
        path(
            "campanas/<int:page_id>/programa-mensual/",
            programa_mensual_view,
            name="programa_mensual",
        ),
        path(
            "campanas/cumplimiento/",
            CumplimientoView.as_view(),
            name="cumplimiento_planteles",
        ),
        path(
            "campanas/cumplimiento/resultados/",
            CumplimientoView.as_view(results_only=True),
            name="cumplimiento_planteles_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def menu_calendario():
    return MenuConPermiso(
        _("Calendario de publicaciones"),
        reverse("calendario_campanas"),
        icon_name="date",
        order=250,
        permisos=VER_CALENDARIO,
    )


@hooks.register("register_reports_menu_item")
def menu_cumplimiento():
    return MenuConPermiso(
        _("Cumplimiento de planteles"),
        reverse("cumplimiento_planteles"),
        icon_name="tasks",
        order=1500,
        permisos=VER_CUMPLIMIENTO,
    )


class PublicacionesVencidasPanel(Component):
    """Posts whose day ended without evidence: the team must mark or explain them."""

    name = "publicaciones_vencidas"
    template_name = "campanas/panels/vencidas.html"
    order = 110

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"vencidas": calendario.vencidas()}


@hooks.register("construct_homepage_panels")
def panel_de_vencidas(request, panels):
    if request.user.has_perm(VER_CALENDARIO):
        panels.append(PublicacionesVencidasPanel(request))


class InstruccionViewSet(SnippetViewSet):
    model = Instruccion
    icon = "list-ul"
    menu_label = _("Instrucciones a planteles")
    list_display = ["titulo", "fecha", "campana"]
    list_filter = ["fecha"]


class ReporteCumplimientoViewSet(SnippetViewSet):
    """Enlaces file and see only their own campus's reports."""

    model = ReporteCumplimiento
    icon = "doc-full"
    menu_label = _("Reportes de planteles")
    list_display = ["descripcion", "plantel", "fecha", "instruccion"]
    list_filter = ["plantel", "fecha"]

    def get_queryset(self, request):
        reportes = ReporteCumplimiento.objects.select_related("plantel", "instruccion")
        if request.user.has_perm(VER_CUMPLIMIENTO):
            return reportes
        return reportes.filter(plantel__in=planteles_de(request.user))

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


def planteles_de(usuario):
    """The campuses whose enlace group the user belongs to."""
    nombres = [
        g.removeprefix("Enlaces — ")
        for g in usuario.groups.values_list("name", flat=True)
        if g.startswith("Enlaces — ")
    ]
    return PlantelPage.objects.filter(title__in=nombres)


register_snippet(InstruccionViewSet)
register_snippet(ReporteCumplimientoViewSet)
