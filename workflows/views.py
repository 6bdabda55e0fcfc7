"""Admin views: taking content down for an error, the archivist's audit log, and
what an approval did."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, TaskState, WorkflowState

from .correcciones import retirar_por_error
from .models import Retiro
from .permissions import RETIRAR_POR_ERROR


class BitacoraView(LogEntriesView):
    """Wagtail's site history without the page-permission filter, for Archivo."""

    page_title = _("Bitácora de publicaciones")
    export_headings = {**LogEntriesView.export_headings, "comment": _("Comentario")}
    list_export = [*LogEntriesView.list_export, "comment"]

    def get_filename(self):
        return f"bitacora-{datetime.date.today():%Y-%m-%d}"

    def get_filtered_queryset(self):
        # As Wagtail's, but over every entry: the archivist holds no page rights.
        self.log_models = list(log_action_registry.get_log_entry_models())
        consultas = []
        for indice, modelo in enumerate(self.log_models):
            consulta = modelo.objects.values("pk", "timestamp").annotate(
                log_model_index=Value(indice, output_field=IntegerField())
            )
            consultas.append(self.filter_queryset(consulta).order_by())
        primera, *resto = consultas
        return primera.union(*resto, all=True).order_by("-timestamp")


class RetiroForm(forms.ModelForm):
    """The reason is required: it becomes the public correction note."""

    class Meta:
        model = Retiro
        fields = ["motivo"]
        widgets = {"motivo": forms.Textarea({"rows": 3})}
        error_messages = {
            "motivo": {"required": _("Explica el error: el público leerá este motivo.")}
        }


def retirar_por_error_view(request, page_id):
    """Ask why, then take a live page down for an error."""
    if not request.user.has_perm(RETIRAR_POR_ERROR):
        raise PermissionDenied
    pagina = get_object_or_404(Page, pk=page_id).specific
    if not pagina.live:
        messages.error(request, _("Solo se retira por error lo que está publicado."))
        return redirect("wagtailadmin_pages:edit", pagina.pk)
    form = RetiroForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        retirar_por_error(pagina, request.user, form.cleaned_data["motivo"])
        messages.success(
            request,
            _("Se retiró «%(titulo)s». Corrígelo y envíalo de nuevo a aprobación.")
            % {"titulo": pagina.title},
        )
        return redirect("wagtailadmin_pages:edit", pagina.pk)
    return TemplateResponse(
        request, "workflows/retirar.html", {"page": pagina, "form": form}
    )


def accion_hecha(request, task_state_id):
    """After approving or requesting changes: what happened, with a link; then home.

    The task's ``on_action`` sends the workflow action view here.
    """
    estado = get_object_or_404(TaskState, pk=task_state_id)
    if estado.finished_by_id != request.user.pk:
        raise PermissionDenied
    objeto = estado.workflow_state.content_object
    objeto = type(objeto).objects.get(pk=objeto.pk)
    # A page comes back as its specific type; a snippet (an agenda event, the
    # síntesis) is already itself and has no public page of its own.
    objeto = getattr(objeto, "specific", objeto)
    datos = {"titulo": getattr(objeto, "title", None) or str(objeto)}
    datos["tarea"] = estado.task.name
    editar = AdminURLFinder(request.user).get_edit_url(objeto)
    if estado.status == TaskState.STATUS_REJECTED:
        mensaje = _(
            "Se solicitaron cambios en «%(titulo)s» (%(tarea)s); se avisó a quien "
            "lo envió."
        )
        botones = [wagtail_messages.button(editar, _("Ver el contenido"))]
    elif objeto.live:
        mensaje = _("Se aprobó y publicó «%(titulo)s».")
        if getattr(objeto, "full_url", None):
            botones = [
                wagtail_messages.button(objeto.full_url, _("Ver en el sitio"), True)
            ]
        else:
            botones = [wagtail_messages.button(editar, _("Ver el contenido"))]
    elif estado.workflow_state.status == WorkflowState.STATUS_APPROVED:
        ultima = objeto.get_latest_revision()
        datos["fecha"] = date_format(
            timezone.localtime(ultima.approved_go_live_at), "j \\d\\e F \\d\\e Y, H:i"
        )
        mensaje = _("Se aprobó «%(titulo)s»; se publicará el %(fecha)s.")
        botones = [wagtail_messages.button(editar, _("Ver el contenido"))]
    else:
        siguiente = estado.workflow_state.current_task_state
        datos["siguiente"] = siguiente.task.name if siguiente else ""
        mensaje = _("Se aprobó «%(titulo)s» en %(tarea)s; pasa a %(siguiente)s.")
        botones = [wagtail_messages.button(editar, _("Ver el contenido"))]
    wagtail_messages.success(request, mensaje % datos, buttons=botones)
    return redirect("wagtailadmin_home")
