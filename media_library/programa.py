"""The video programme in the admin: who may do what, the overdue panel, the
private raw-material download."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    SnippetViewSet,
)

from archivo.almacenamiento import descarga

from .models import MaterialBruto, ProgramaVideo
from .permissions import PROGRAMAR_VIDEO

JEFATURA = ("add", "delete")


class PoliticaDelPrograma(ModelPermissionPolicy):
    """The head (``programar_video``) does everything; a producer sees and moves
    only the videos assigned to them, and never programmes or deletes one."""

    def _es_jefatura(self, user):
        return user.is_active and user.has_perm(PROGRAMAR_VIDEO)

    def user_has_permission(self, user, action):
        if action in JEFATURA and not self._es_jefatura(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self._es_jefatura(user) or instance.productor_id == user.pk

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ProgramaVideo.objects.none()
        if self._es_jefatura(user):
            return ProgramaVideo.objects.all()
        return ProgramaVideo.objects.filter(productor=user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


politica = PoliticaDelPrograma(ProgramaVideo)
register_permission_policy(ProgramaVideo, politica)


def visibles_para(usuario):
    """The programme's items ``usuario`` may see."""
    return politica.instances_user_has_permission_for(usuario, "view")


def descargar_material(request, pk):
    """A raw-material file, for whoever may see its programmed video."""
    material = get_object_or_404(
        MaterialBruto.objects.select_related("programa"), pk=pk
    )
    if not politica.user_has_permission_for_instance(
        request.user, "view", material.programa
    ):
        raise PermissionDenied
    return descarga(material.archivo, material.archivo.name.rsplit("/", 1)[-1])


class VideosVencidosPanel(Component):
    """The dashboard's list of programmed videos past their due date: a producer's
    own, or every one for the head."""

    name = "videos_vencidos"
    template_name = "media_library/programa/panel_vencidos.html"
    order = 40

    def __init__(self, request):
        self.request = request

    def vencidos(self):
        return list(visibles_para(self.request.user).vencidos())

    def render_html(self, parent_context=None):
        if not politica.user_has_permission(self.request.user, "view"):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            "vencidos": self.vencidos(),
            "titulo": _("Videos programados vencidos"),
        }


class _SoloSiPuede:
    """A snippet view refusing an item the user may not ``accion`` (403)."""

    accion = "change"

    def get_object(self, *args, **kwargs):
        objeto = super().get_object(*args, **kwargs)
        if not politica.user_has_permission_for_instance(
            self.request.user, self.accion, objeto
        ):
            raise PermissionDenied
        return objeto


class ProgramaIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(pk__in=visibles_para(self.request.user).values("pk"))
        )


class ProgramaEditView(_SoloSiPuede, EditView):
    pass


class ProgramaDeleteView(_SoloSiPuede, DeleteView):
    accion = "delete"


class ProgramaHistoryView(_SoloSiPuede, HistoryView):
    accion = "view"


class ProgramaVideoViewSet(SnippetViewSet):
    """The video programme: the head programmes, each producer moves their own."""

    model = ProgramaVideo
    icon = "media"
    menu_label = _("Programa de videos")
    menu_name = "programa_videos"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["tema", "tipo", "productor", "fecha_compromiso", "estado"]
    list_filter = ["estado", "tipo"]
    list_export = [
        "tema",
        "tipo",
        "solicitado_por",
        "productor",
        "fecha_compromiso",
        "estado",
        "producido_en",
    ]
    permission_policy = politica
    index_view_class = ProgramaIndexView
    edit_view_class = ProgramaEditView
    delete_view_class = ProgramaDeleteView
    history_view_class = ProgramaHistoryView
