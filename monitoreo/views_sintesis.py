"""The síntesis' own views: its PDF with the render's progress (admin) and the
Director General's signed reading page (public, no account)."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.models import InstitucionSettings

from .models import ControlSintesis, Sintesis
from .permissions import VER_SINTESIS
from .sintesis import sintesis_del_enlace
from .tasks import componer_sintesis


def pdf_sintesis_view(request, pk):
    """The PDF page: start a render in the worker, watch it, download the result."""
    if not request.user.has_perm(VER_SINTESIS):
        raise PermissionDenied
    sintesis = get_object_or_404(Sintesis, pk=pk)
    control, _creado = ControlSintesis.objects.get_or_create(sintesis=sintesis)
    if request.method == "POST":
        ControlSintesis.objects.filter(pk=control.pk).update(
            pdf_estado=ControlSintesis.GENERANDO, pdf_avance=0
        )
        componer_sintesis.enqueue(sintesis.pk)
        return redirect(request.path)
    if request.GET.get("descargar") and control.pdf:
        return FileResponse(
            control.pdf.open("rb"),
            filename=sintesis.nombre_pdf,
            content_type="application/pdf",
        )
    control.refresh_from_db()
    return TemplateResponse(
        request,
        "monitoreo/sintesis/pdf.html",
        {
            "sintesis": sintesis,
            "control": control,
            "generando": control.pdf_estado == ControlSintesis.GENERANDO,
            "al_dia": control.pdf_revision_id == sintesis.latest_revision_id,
        },
    )


def lectura_view(request, firma):
    """The day's síntesis on a phone, for whoever holds the signed link."""
    sintesis = sintesis_del_enlace(firma)
    if sintesis is None:
        raise Http404(_("El enlace no es válido o ya venció."))
    return TemplateResponse(
        request,
        "monitoreo/sintesis/lectura.html",
        {
            "sintesis": sintesis,
            "bloques": sintesis.recortes_por_bloque(),
            "institucion": InstitucionSettings.for_request(request),
        },
    )
