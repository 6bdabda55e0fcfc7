"""The admin dashboard's panels: overdue campaign posts, and the enlace's campus."""

from wagtail.admin.ui.components import Component

from . import calendario
from .models import Instruccion, ReporteCumplimiento
from .politicas import planteles_de


class PublicacionesVencidasPanel(Component):
    """Posts whose day ended without evidence: the team must mark or explain them."""

    name = "publicaciones_vencidas"
    template_name = "campanas/panels/vencidas.html"
    order = 110

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"vencidas": calendario.vencidas()}


class DelPlantelPanel(Component):
    """The enlace's desk: what its campus was asked to post and has not reported,
    its latest reports, and a way to file one."""

    name = "del_plantel"
    template_name = "campanas/panels/del_plantel.html"
    order = 25

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        planteles = list(planteles_de(self.request.user))
        pendientes = [
            (instruccion, plantel)
            for plantel in planteles
            for instruccion in Instruccion.objects.filter(planteles=plantel)
            .exclude(reportes__plantel=plantel)
            .order_by("fecha", "titulo")
        ]
        reportes = ReporteCumplimiento.objects.filter(
            plantel__in=planteles
        ).select_related("plantel", "instruccion")[:10]
        return {"pendientes": pendientes, "reportes": reportes}
