"""The campaign editor's link to the monthly programme generator."""

from wagtail.admin.panels import Panel


class ProgramaMensualPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "campanas/panels/programa_mensual.html"
