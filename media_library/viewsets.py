"""Admin viewsets of the video pipeline: the jobs report and its retries."""

from django.utils.translation import gettext_lazy as _

from cms.administracion.reportes import ReporteViewSet

from .models import TrabajoVideo
from .views import TrabajosView, reintentar_trabajo_view


class TrabajosVideoViewSet(ReporteViewSet):
    """Each video job's state, for whoever may view the jobs."""

    name = "trabajos_video"
    url_prefix = "videos/procesamiento"
    model = TrabajoVideo
    view_class = TrabajosView
    icon = "media"
    menu_label = _("Procesamiento de videos")
    menu_order = 1400
    acciones = (("<int:pk>/reintentar/", reintentar_trabajo_view, "reintentar"),)
