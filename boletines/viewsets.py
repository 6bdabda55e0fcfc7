"""Admin viewsets of the newsroom: deliveries to the media and the indicator."""

from django.utils.translation import gettext_lazy as _

from cms.administracion.reportes import ReporteViewSet

from .models import Envio
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
