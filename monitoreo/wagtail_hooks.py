"""The desk's menu, the área's list, bulk actions, log actions and dashboard panels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .acciones_en_bloque import CerrarEnBloque, ClasificarEnBloque
from .panels import paneles_para
from .viewsets import AsuntosAreaViewSet, MonitoreoGroup

register_snippet(MonitoreoGroup)
hooks.register("register_bulk_action", ClasificarEnBloque)
hooks.register("register_bulk_action", CerrarEnBloque)


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return AsuntosAreaViewSet()


@hooks.register("register_log_actions")
def acciones_de_bitacora(actions):
    actions.register_action(
        "monitoreo.canalizar", _("Canalizar"), _("Canalizada al área")
    )
    actions.register_action(
        "monitoreo.responder", _("Responder"), _("Respondida por el área")
    )
    actions.register_action("monitoreo.cerrar", _("Cerrar"), _("Cerrada"))
    actions.register_action(
        "monitoreo.sin_respuesta", _("Sin respuesta"), _("Cerrada sin respuesta")
    )
    actions.register_action("monitoreo.clasificar", _("Clasificar"), _("Clasificada"))


@hooks.register("construct_homepage_panels")
def paneles_de_monitoreo(request, panels):
    panels.extend(paneles_para(request))
