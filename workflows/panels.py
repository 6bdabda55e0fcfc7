"""The dashboard's moderation queue: what waits for this approver, urgent first."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from .models import Urgencia


class PendientesDeRevisionPanel(Component):
    """Pendiente de tu revisión: type, author, submitted, waiting time, urgency."""

    name = "pendientes_de_tu_revision"
    template_name = "workflows/panels/pendientes.html"
    order = 90

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
