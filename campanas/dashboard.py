"""The admin dashboard's panel of overdue campaign posts."""

from wagtail.admin.ui.components import Component

from . import calendario


class PublicacionesVencidasPanel(Component):
    """Posts whose day ended without evidence: the team must mark or explain them."""

    name = "publicaciones_vencidas"
    template_name = "campanas/panels/vencidas.html"
    order = 110

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"vencidas": calendario.vencidas()}
