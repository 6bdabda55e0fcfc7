"""Admin hooks: the moderation queue, urgent submissions, publication by workflow."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from .correcciones import REPUBLICAR, RETIRAR
from .models import Urgencia
from .panels import PendientesDeRevisionPanel, ProgramadasAtrasadasPanel
from .permissions import RETIRAR_POR_ERROR
from .views import accion_hecha, retirar_por_error_view
from .viewsets import BitacoraViewSet
from .visibilidad import solo_visibles

BOTON_PUBLICAR = "action-publish"


def _gobernada(pagina):
    return pagina is not None and pagina.get_workflow() is not None


URGENTE = "urgente"


class EnviarUrgenteMenuItem(SubmitForModerationMenuItem):
    """Submit for approval marked urgent: it goes first in the approvers' queue."""

    label = gettext_lazy("Enviar como urgente")
    explicacion = gettext_lazy("Pasa primero en la cola de quien aprueba.")
    name = "action-submit-urgente"
    template_name = "workflows/action_menu/urgente.html"
    # Right after Wagtail's «Enviar a revisión» (60), never the first choice.
    order = 61

    def get_context_data(self, parent_context):
        # The parent names the button after the workflow ("Enviar a Boletín").
        return {
            **super().get_context_data(parent_context),
            "label": self.label,
            "explicacion": self.explicacion,
        }


@hooks.register("register_page_action_menu_item")
def enviar_urgente():
    return EnviarUrgenteMenuItem()


@hooks.register("construct_homepage_panels")
def cola_de_moderacion(request, panels):
    """Replace Wagtail's "Awaiting your review" with the office's queue."""
    panels[:] = [p for p in panels if p.name != "workflow_objects_to_moderate"]
    panels.append(PendientesDeRevisionPanel(request))
    panels.append(ProgramadasAtrasadasPanel(request))


@hooks.register("construct_page_chooser_queryset")
def chooser_sin_borradores_ajenos(pages, request):
    """The page chooser (browse and search) lists only the pages the user may read."""
    return solo_visibles(pages, request.user)


def _marcar_urgente(request, pagina):
    if request.method != "POST" or request.POST.get("action-submit") != URGENTE:
        return
    estado = pagina.current_workflow_state
    if estado is not None:
        Urgencia.objects.get_or_create(
            workflow_state=estado, defaults={"marcada_por": request.user}
        )


@hooks.register("after_edit_page")
def urgente_al_editar(request, page):
    _marcar_urgente(request, page)


@hooks.register("after_create_page")
def urgente_al_crear(request, page):
    _marcar_urgente(request, page)


def _guardar_en_vez_de_publicar(request, pagina):
    """Say why a «Publicar» sent by hand saved a draft.

    The page permission tester (``cms/paginas.py``) already refuses to publish a
    governed page, and Wagtail then saves a draft; this only explains it.
    """
    if request.method != "POST" or BOTON_PUBLICAR not in request.POST:
        return
    if not _gobernada(pagina):
        return
    messages.warning(
        request,
        _(
            "Se guardó como borrador: esta sección solo publica al aprobarse su "
            "flujo. Envíalo a aprobación."
        ),
    )


@hooks.register("before_edit_page")
def publicar_solo_con_flujo_al_editar(request, page):
    _guardar_en_vez_de_publicar(request, page)


@hooks.register("before_create_page")
def publicar_solo_con_flujo_al_crear(request, parent_page, page_class):
    _guardar_en_vez_de_publicar(request, parent_page)


@hooks.register("register_admin_viewset")
def registrar_bitacora():
    return BitacoraViewSet()


@hooks.register("register_admin_urls")
def urls_de_retiro():
    return [
        path(
            "retirar/<int:page_id>/",
            retirar_por_error_view,
            name="retirar_por_error",
        ),
        path(
            "aprobaciones/<int:task_state_id>/hecho/",
            accion_hecha,
            name="workflows_accion_hecha",
        ),
    ]


class RetirarPorErrorButton(PageMenuItem):
    label = gettext_lazy("Retirar por error")
    icon_name = "warning"
    url_name = "retirar_por_error"
    priority = 45

    def is_shown(self, user):
        return self.page.live and user.has_perm(RETIRAR_POR_ERROR)


class RetirarPorErrorMenuItem(ActionMenuItem):
    """ "Retirar por error" in the editor's action menu, for a live page."""

    label = gettext_lazy("Retirar por error")
    name = "action-retirar-por-error"
    icon_name = "warning"
    order = 45

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and context["page"].live
            and context["request"].user.has_perm(RETIRAR_POR_ERROR)
        )

    def get_url(self, parent_context):
        return reverse("retirar_por_error", args=(parent_context["page"].pk,))


@hooks.register("register_page_action_menu_item")
def retirar_en_el_editor():
    return RetirarPorErrorMenuItem()


@hooks.register("register_page_listing_more_buttons")
def boton_retirar_en_listado(page, user, next_url=None):
    yield RetirarPorErrorButton(page=page)


@hooks.register("register_log_actions")
def acciones_de_correccion(actions):
    @actions.register_action(RETIRAR)
    class Retirado(LogFormatter):
        label = gettext_lazy("Retirar por error")

        def format_message(self, log_entry):
            return _("Retirado por error de %(url)s") % {
                "url": log_entry.data.get("url", "")
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("motivo", "")

    @actions.register_action(REPUBLICAR)
    class Republicado(LogFormatter):
        label = gettext_lazy("Republicar corregido")

        def format_message(self, log_entry):
            return _("Republicado corregido (retiro n.º %(retiro)s)") % {
                "retiro": log_entry.data.get("retiro", "")
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("motivo", "")
