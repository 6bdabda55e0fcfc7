"""The shared dashboard block (create what you may, one click from the dashboard),
the account page's two-step verification panel, and the «Ayuda» menu's guide."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import guia
from .administracion.tablero import AltasPanel
from .dos_pasos.panels import DosPasosPanel

# Wagtail's help entries that lead to its English pages on the web.
AYUDA_DE_WAGTAIL = ("whats-new-in-wagtail-", "editor-guide")


@hooks.register("construct_homepage_panels")
def panel_de_altas(request, panels):
    panels.append(AltasPanel(request))


@hooks.register("register_account_settings_panel")
def panel_de_dos_pasos(request, user, profile):
    return DosPasosPanel(request, user, profile)


@hooks.register("register_admin_urls")
def urls_de_la_guia():
    return [
        path("guia/", guia.guia_view, name="guia"),
        path("guia/capturas/<path:ruta>", guia.captura_view, name="guia_captura"),
        path("guia/<slug:rol>/", guia.guia_view, name="guia_rol"),
    ]


class GuiaDelRol(MenuItem):
    """«Guía: Editores», shown to the role's members."""

    def __init__(self, slug, etiqueta, order):
        self.slug = slug
        super().__init__(
            _("Guía: %(rol)s") % {"rol": etiqueta},
            reverse("guia_rol", args=(slug,)),
            name=f"guia-{slug}",
            icon_name="help",
            order=order,
        )

    def is_shown(self, request):
        # One query per request for the eight entries, however often the
        # sidebar asks.
        if not hasattr(request, "roles_de_la_guia"):
            request.roles_de_la_guia = guia.roles_de(request.user)
        return self.slug in request.roles_de_la_guia


@hooks.register("register_help_menu_item")
def menu_guia():
    return MenuItem(
        _("Guía del sistema"),
        reverse("guia"),
        name="guia",
        icon_name="help",
        order=900,
    )


for _orden, (_slug, (_grupo, _etiqueta)) in enumerate(guia.ROLES.items()):
    hooks.register(
        "register_help_menu_item",
        lambda slug=_slug, etiqueta=_etiqueta, orden=_orden: GuiaDelRol(
            slug, etiqueta, 800 + orden
        ),
    )


@hooks.register("construct_help_menu")
def sin_ayuda_en_ingles(request, menu_items):
    """Our guide instead of Wagtail's English pages on the web."""
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(AYUDA_DE_WAGTAIL)
    ]
