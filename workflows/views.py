"""Admin views: taking content down for an error, and the archivist's audit log."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page

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
