"""Admin registration of the newsroom's viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from cms.administracion.tablero import registrar_alta

from .models import BoletinPage, Evento
from .viewsets import EnviosViewSet, EventoViewSet, IndicadoresViewSet

register_snippet(EventoViewSet)


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return [EnviosViewSet(), IndicadoresViewSet()]


@hooks.register("construct_snippet_action_menu")
def eventos_sin_publicar(menu_items, request, context):
    """No «Publicar» on events: the policy refuses it, so the button goes too."""
    if context.get("model") is Evento:
        menu_items[:] = [i for i in menu_items if i.name != "action-publish"]


registrar_alta(BoletinPage, _("Nuevo boletín"))
