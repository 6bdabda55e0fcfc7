"""Admin viewsets of the campaigns: calendar, compliance report, instructions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.administracion.reportes import ReporteViewSet
from cms.administracion.viewsets import ConPermisoViewSet
from home.models import PlantelPage

from .models import Instruccion, ReporteCumplimiento
from .permissions import VER_CALENDARIO, VER_CUMPLIMIENTO
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


class InstruccionViewSet(SnippetViewSet):
    """Instructions given to the campuses, with their date and campaign."""

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
