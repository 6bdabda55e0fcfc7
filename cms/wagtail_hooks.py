"""The shared dashboard block (create what you may, one click from the dashboard)
and the account page's two-step verification panel."""

from wagtail import hooks

from .administracion.tablero import AltasPanel
from .dos_pasos.panels import DosPasosPanel


@hooks.register("construct_homepage_panels")
def panel_de_altas(request, panels):
    panels.append(AltasPanel(request))


@hooks.register("register_account_settings_panel")
def panel_de_dos_pasos(request, user, profile):
    return DosPasosPanel(request, user, profile)
