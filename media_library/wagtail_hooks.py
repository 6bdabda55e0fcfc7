"""The media library in the admin: video previews and jobs, the logged public flag,
and which documents visitors may download."""

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from cms.administracion.tablero import registrar_alta

from .forms import MOSTRAR, OCULTAR
from .models import TrabajoVideo, VideoPage, documento_publico
from .pipeline import encolar
from .programa import ProgramaVideoViewSet, VideosVencidosPanel, descargar_material
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


@hooks.register("before_serve_document")
def solo_documentos_publicos(documento, request):
    """Visitors download only what a live public page uses or the Titular made
    public; the office (anyone who may choose documents) downloads the rest."""
    politica = policy_registry.get_by_type(type(documento))
    if politica.user_has_any_permission(request.user, ["add", "change", "choose"]):
        return None
    if not documento_publico(documento):
        raise Http404
    return None


registrar_alta(VideoPage, _("Nuevo video"))


register_snippet(ProgramaVideoViewSet)


@hooks.register("register_admin_urls")
def url_de_material():
    return [
        path(
            "programa-videos/material/<int:pk>/",
            descargar_material,
            name="programa_videos_material",
        )
    ]


@hooks.register("construct_homepage_panels")
def panel_de_videos_vencidos(request, panels):
    panels.append(VideosVencidosPanel(request))
