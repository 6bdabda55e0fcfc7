"""The shared dashboard block: create what you may, one click from the dashboard."""

from wagtail import hooks

from .administracion.tablero import AltasPanel


@hooks.register("construct_homepage_panels")
def panel_de_altas(request, panels):
    panels.append(AltasPanel(request))
