"""The video pipeline in the admin: preview on save, the jobs report, retries."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from cms.administracion.menu import MenuConPermiso

from .models import TrabajoVideo, VideoPage
from .video import encolar
from .views import VER_TRABAJOS, TrabajosView, reintentar_trabajo_view


def _vista_previa(request, page):
    """A new master file (new video or replaced file) gets its preview made."""
    pagina = page.specific
    if (
        isinstance(pagina, VideoPage)
        and pagina.archivo_maestro
        and not pagina.vista_previa
    ):
        encolar(pagina, TrabajoVideo.VISTA_PREVIA)


hooks.register("after_create_page", _vista_previa)
hooks.register("after_edit_page", _vista_previa)


@hooks.register("register_admin_urls")
def urls_de_videos():
    return [
        path("videos/procesamiento/", TrabajosView.as_view(), name="trabajos_video"),
        path(
            "videos/procesamiento/resultados/",
            TrabajosView.as_view(results_only=True),
            name="trabajos_video_results",
        ),
        path(
            "videos/procesamiento/<int:pk>/reintentar/",
            reintentar_trabajo_view,
            name="reintentar_trabajo_video",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_de_trabajos():
    return MenuConPermiso(
        gettext_lazy("Procesamiento de videos"),
        reverse("trabajos_video"),
        icon_name="media",
        order=1400,
        permisos=VER_TRABAJOS,
    )
