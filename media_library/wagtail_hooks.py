"""The video pipeline in the admin: preview on save and the jobs viewset."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .forms import MOSTRAR, OCULTAR
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


@hooks.register("register_log_actions")
def acciones_de_mediateca(actions):
    actions.register_action(
        MOSTRAR,
        _("Mostrar en la mediateca pública"),
        _("Mostrado en la mediateca pública"),
    )
    actions.register_action(
        OCULTAR,
        _("Quitar de la mediateca pública"),
        _("Quitado de la mediateca pública"),
    )
