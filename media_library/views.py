"""Admin views of the video pipeline: each job's state, progress and error."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from cms.administracion.columnas import ReintentarColumn

from .models import TrabajoVideo
from .permissions import REINTENTAR_TRABAJO_VIDEO
from .pipeline import reintentar


class TrabajosView(ReportView):
    """Each video job with its state, progress and error; failures can be retried."""

    page_title = _("Procesamiento de videos")
    header_icon = "media"
    columns = [
        Column("video", label=_("Video")),
        Column("get_tipo_display", label=_("Proceso")),
        Column("get_estado_display", label=_("Estado")),
        Column("progreso", label=_("Progreso (%)")),
        Column("error", label=_("Error")),
        DateColumn("creado", label=_("En cola desde")),
        DateColumn("terminado", label=_("Terminado")),
        ReintentarColumn(
            "acciones",
            label="",
            url_name="trabajos_video:reintentar",
            permiso=REINTENTAR_TRABAJO_VIDEO,
            estados=(TrabajoVideo.FALLIDO,),
        ),
    ]
    list_export = [
        "video",
        "get_tipo_display",
        "get_estado_display",
        "progreso",
        "error",
    ]

    def get_queryset(self):
        return TrabajoVideo.objects.select_related("video").order_by("-creado")


@require_POST
def reintentar_trabajo_view(request, pk):
    """The admin's "Reintentar" on a failed video job."""
    if not request.user.has_perm(REINTENTAR_TRABAJO_VIDEO):
        raise PermissionDenied
    trabajo = get_object_or_404(TrabajoVideo, pk=pk)
    if reintentar(trabajo):
        messages.success(
            request, _("Se volvió a poner en cola: %(t)s.") % {"t": trabajo}
        )
    else:
        messages.error(
            request, _("No se reintentó: no está fallido o ya hay uno en curso.")
        )
    return redirect("trabajos_video:index")
