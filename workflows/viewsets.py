"""Admin viewsets of workflows: the archivist's audit log of publications."""

from django.utils.translation import gettext_lazy as _

from cms.administracion.reportes import ReporteViewSet

from .permissions import VER_BITACORA
from .views import BitacoraView


class BitacoraViewSet(ReporteViewSet):
    """Who submitted, approved, published or took down what, for Archivo."""

    name = "bitacora"
    url_prefix = "bitacora"
    permiso = VER_BITACORA
    view_class = BitacoraView
    icon = "history"
    menu_label = _("Bitácora de publicaciones")
    menu_order = 1100
