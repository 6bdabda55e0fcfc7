"""Admin viewsets of the newsroom: deliveries, the indicator, the agenda's events."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.administracion.reportes import ReporteViewSet

from .models import Envio, Evento
from .permissions import VER_INDICADORES
from .views import EnviosView, IndicadoresView, reintentar_envio_view


class EnviosViewSet(ReporteViewSet):
    """Every delivery to the media, for whoever may view deliveries."""

    name = "envios_boletines"
    url_prefix = "envios"
    model = Envio
    view_class = EnviosView
    icon = "mail"
    menu_label = _("Envíos a medios")
    menu_order = 1200
    acciones = (("<int:pk>/reintentar/", reintentar_envio_view, "reintentar"),)


class IndicadoresViewSet(ReporteViewSet):
    """Boletines programmed vs published, for whoever may see the indicators."""

    name = "indicadores_boletines"
    url_prefix = "indicadores/boletines"
    permiso = VER_INDICADORES
    view_class = IndicadoresView
    icon = "table"
    menu_label = _("Boletines programados vs publicados")
    menu_order = 1300


class SoloPorFlujoPermissionPolicy(ModelPermissionPolicy):
    """Nobody publishes an event by hand, superusers included: the Titular's
    approval in the snippet workflow does (``publicar_al_aprobar``)."""

    def user_has_permission(self, user, action):
        return action != "publish" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [a for a in actions if a != "publish"]
        )

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "publish"])


register_permission_policy(Evento, SoloPorFlujoPermissionPolicy(Evento))


class EventoViewSet(SnippetViewSet):
    """The agenda's events: drafts, the Titular's authorisation, history."""

    model = Evento
    icon = "date"
    list_display = ["titulo", "fecha", "hora", "lugar", "publico"]
    list_filter = ["publico", "live"]
