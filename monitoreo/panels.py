"""Dashboard panels: what I watch today, overdue items, uncovered boletines."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .cobertura import sin_cobertura
from .models import AsignacionMonitoreo, Mencion
from .permissions import RESPONDER_MENCION, VER_MENCION
from .seguimiento import areas_de


class LoQueMonitoreoHoyPanel(Component):
    """The outlets and programmes assigned to the person for today's weekday."""

    name = "lo_que_monitoreo_hoy"
    template_name = "monitoreo/panels/hoy.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        hoy = timezone.localdate()
        return {
            "hoy": hoy,
            "asignaciones": list(AsignacionMonitoreo.de_hoy(self.request.user, hoy)),
        }


class VencidasPanel(Component):
    """Channelled items whose deadline came without an answer, in red."""

    name = "menciones_vencidas"
    template_name = "monitoreo/panels/vencidas.html"
    order = 95

    def __init__(self, request, menciones):
        self.request = request
        self.menciones = menciones

    def get_context_data(self, parent_context=None):
        hoy = timezone.localdate()
        vencidas = list(
            self.menciones.filter(estado=Mencion.CANALIZADA, vence__lte=hoy)
            .select_related("area")
            .order_by("vence")[:20]
        )
        return {
            "vencidas": vencidas,
            "hoy": hoy,
            "del_area": self.request.user.has_perm(RESPONDER_MENCION)
            and not self.request.user.has_perm(VER_MENCION),
        }


class SinCoberturaPanel(Component):
    """Boletines with no pick-up registered three days after publication."""

    name = "boletines_sin_cobertura"
    template_name = "monitoreo/panels/sin_cobertura.html"
    order = 96

    def get_context_data(self, parent_context=None):
        return {
            "boletines": list(
                sin_cobertura().only("pk", "title", "first_published_at")[:20]
            )
        }


def paneles_para(request):
    """The panels the person's role sees."""
    usuario = request.user
    paneles = []
    if usuario.has_perm(VER_MENCION):
        paneles.append(LoQueMonitoreoHoyPanel(request))
        paneles.append(VencidasPanel(request, Mencion.objects.all()))
        paneles.append(SinCoberturaPanel())
    elif usuario.has_perm(RESPONDER_MENCION):
        paneles.append(
            VencidasPanel(request, Mencion.objects.filter(area__in=areas_de(usuario)))
        )
    return paneles
