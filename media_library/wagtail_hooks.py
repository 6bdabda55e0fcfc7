"""The video pipeline in the admin: preview on save and the jobs viewset."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.administracion.tablero import registrar_alta

from .models import TrabajoVideo, VideoPage
from .pipeline import encolar
from .viewsets import TrabajosVideoViewSet


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


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return [TrabajosVideoViewSet()]


registrar_alta(VideoPage, _("Nuevo video"))
