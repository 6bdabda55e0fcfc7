"""Admin registration of the campaigns' viewsets, snippets and dashboard panel."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from cms.administracion.tablero import registrar_alta

from .dashboard import DelPlantelPanel, PublicacionesVencidasPanel
from .models import CampanaPage, ReporteCumplimiento
from .permissions import REPORTAR, VER_CALENDARIO, VER_CUMPLIMIENTO
from .politicas import PoliticaDeReportes
from .viewsets import (
    CalendarioViewSet,
    CumplimientoViewSet,
    InstruccionViewSet,
    ReporteCumplimientoViewSet,
)


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return [CalendarioViewSet(), CumplimientoViewSet()]


@hooks.register("construct_homepage_panels")
def panel_de_vencidas(request, panels):
    if request.user.has_perm(VER_CALENDARIO):
        panels.append(PublicacionesVencidasPanel(request))


@hooks.register("construct_homepage_panels")
def panel_del_plantel(request, panels):
    """For the enlaces: who reports for a campus and does not see them all."""
    usuario = request.user
    if usuario.has_perm(REPORTAR) and not usuario.has_perm(VER_CUMPLIMIENTO):
        panels.append(DelPlantelPanel(request))


register_permission_policy(ReporteCumplimiento, PoliticaDeReportes(ReporteCumplimiento))
register_snippet(InstruccionViewSet)
register_snippet(ReporteCumplimientoViewSet)

registrar_alta(CampanaPage, _("Nueva campaña"))
