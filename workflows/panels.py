"""Dashboard panels (the moderation queue, overdue scheduled publications) and the
editor's banner with the reason of requested changes."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState, WorkflowState

from .models import Urgencia
from .visibilidad import paginas_editables, ve_todas


class PendientesDeRevisionPanel(Component):
    """Pendiente de tu revisión: type, author, submitted, waiting time, urgency."""

    name = "pendientes_de_tu_revision"
    template_name = "workflows/panels/pendientes.html"
    # First: Titular and Coordinación open the admin to their queue.
    order = 10

    def __init__(self, request):
        self.request = request

    def pendientes(self):
        """One row per page awaiting a task this user can approve, urgent first."""
        usuario = self.request.user
        estados = list(
            TaskState.objects.reviewable_by(usuario)
            .filter(
                status=TaskState.STATUS_IN_PROGRESS,
                workflow_state__base_content_type__app_label="wagtailcore",
                workflow_state__base_content_type__model="page",
            )
            .annotate(
                urgente=Exists(
                    Urgencia.objects.filter(workflow_state=OuterRef("workflow_state"))
                )
            )
            .select_related("workflow_state__requested_by", "task", "revision")
            .order_by("-urgente", "started_at")
        )
        paginas = Page.objects.filter(
            pk__in=[int(e.workflow_state.object_id) for e in estados]
        ).specific()
        paginas = {pagina.pk: pagina for pagina in paginas}
        ahora = timezone.now()
        filas = []
        for estado in estados:
            pagina = paginas.get(int(estado.workflow_state.object_id))
            if pagina is None:
                continue
            acciones = estado.task.specific.get_actions(pagina, usuario)
            filas.append(
                {
                    "pagina": pagina,
                    "tipo": pagina.specific_class._meta.verbose_name,
                    "autor": estado.workflow_state.requested_by,
                    "enviado": estado.workflow_state.created_at,
                    "espera": ahora - estado.workflow_state.created_at,
                    "tarea": estado.task,
                    "estado": estado,
                    "urgente": estado.urgente,
                    "acciones": acciones,
                    # The four-eyes rule took this user's approve actions away.
                    "propio": not any(nombre == "approve" for nombre, *_ in acciones),
                }
            )
        return filas

    def get_context_data(self, parent_context):
        return {"filas": self.pendientes(), "request": self.request}


class ProgramadasAtrasadasPanel(Component):
    """Scheduled publications over five minutes late: the scheduler is down.

    Only the pages the user may edit: an embargoed title is not for every role.
    """

    name = "programadas_atrasadas"
    template_name = "workflows/panels/atrasadas.html"
    order = 80
    tolerancia = timedelta(minutes=5)

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        limite = timezone.now() - self.tolerancia
        revisiones = (
            Revision.objects.page_revisions()
            .filter(approved_go_live_at__lt=limite)
            .select_related("user")
            .order_by("approved_go_live_at")
        )
        usuario = self.request.user
        paginas = Page.objects.all()
        if not ve_todas(usuario):
            paginas = paginas.filter(pk__in=paginas_editables(usuario).values("pk"))
        paginas = paginas.in_bulk([int(r.object_id) for r in revisiones])
        filas = [
            {"revision": r, "pagina": paginas.get(int(r.object_id))}
            for r in revisiones
            if int(r.object_id) in paginas
        ]
        return {"filas": filas}


class CambiosSolicitadosPanel(Panel):
    """Above the edit form: why changes were requested, until the next submission."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflows/panels/cambios_solicitados.html"

        def is_shown(self):
            return self.rechazo() is not None

        def rechazo(self):
            if not self.instance.pk:
                return None
            if not hasattr(self, "_rechazo"):
                estado = (
                    WorkflowState.objects.for_instance(self.instance)
                    .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
                    .select_related("current_task_state__finished_by")
                    .first()
                )
                self._rechazo = estado.current_task_state if estado else None
            return self._rechazo

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rechazo"] = self.rechazo()
            return context
