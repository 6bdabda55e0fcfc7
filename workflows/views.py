"""The archivist's audit log: every page's history, by date range, CSV or XLSX."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry

PERMISO = "wagtailcore.view_pagelogentry"


class BitacoraView(LogEntriesView):
    """Wagtail's site history without the page-permission filter, for Archivo."""

    page_title = _("Bitácora de publicaciones")
    index_url_name = "bitacora"
    index_results_url_name = "bitacora_results"
    export_headings = {**LogEntriesView.export_headings, "comment": _("Comentario")}
    list_export = [*LogEntriesView.list_export, "comment"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISO):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
