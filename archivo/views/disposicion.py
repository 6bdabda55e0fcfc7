"""Admin screens for inventories and disposition (transfers and disposal).

The rules live in :mod:`archivo.disposicion`; these views only collect the
archivist's and the Titular's decisions and show the result.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from home.models import InstitucionSettings

from .. import disposicion as reglas
from .. import inventarios
from ..almacenamiento import descarga
from ..models import Disposicion, Registro
from ..permissions import (
    APROBAR_DISPOSICION,
    EXPORTAR_REGISTROS,
    PROPONER_DISPOSICION,
)


def _institucion():
    """The settings of the default site's institution, for the headers."""
    return InstitucionSettings.for_site(
        Site.objects.filter(is_default_site=True).first()
    )


def inventarios_view(request):
    """The four inventories, with their record counts."""
    if not request.user.has_perm(EXPORTAR_REGISTROS):
        raise PermissionDenied
    tipos = [
        (clave, nombre, inventarios.registros_de(clave).count())
        for clave, nombre in inventarios.TIPOS.items()
    ]
    return TemplateResponse(request, "archivo/inventarios.html", {"tipos": tipos})


def descargar_inventario_view(request, tipo, formato):
    """One inventory as XLSX or PDF."""
    if not request.user.has_perm(EXPORTAR_REGISTROS):
        raise PermissionDenied
    if tipo not in inventarios.TIPOS or formato not in ("xlsx", "pdf"):
        raise Http404
    if formato == "xlsx":
        contenido = inventarios.inventario_xlsx(tipo, _institucion())
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        contenido = inventarios.inventario_pdf(tipo, _institucion())
        mime = "application/pdf"
    respuesta = HttpResponse(contenido, content_type=mime)
    respuesta["Content-Disposition"] = (
        f'attachment; filename="inventario-{tipo}.{formato}"'
    )
    return respuesta


class PropuestaForm(forms.Form):
    """The archivist's proposal: eligible records and the justification."""

    justificacion = forms.CharField(
        label=gettext_lazy("Justificación o dictamen"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, elegibles, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registros"] = forms.ModelMultipleChoiceField(
            label=gettext_lazy("Registros"),
            queryset=elegibles,
            widget=forms.CheckboxSelectMultiple,
        )


def disposiciones_view(request):
    """The acts, and the proposal of a new one from the eligible records."""
    puede_proponer = request.user.has_perm(PROPONER_DISPOSICION)
    if not (puede_proponer or request.user.has_perm(APROBAR_DISPOSICION)):
        raise PermissionDenied
    tipo = request.GET.get("tipo", Disposicion.PRIMARIA)
    if tipo not in dict(Disposicion.TIPOS):
        tipo = Disposicion.PRIMARIA
    elegibles = inventarios.registros_de(tipo)
    form = PropuestaForm(elegibles, request.POST or None) if puede_proponer else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            nueva = reglas.proponer(
                tipo,
                form.cleaned_data["registros"],
                request.user,
                form.cleaned_data["justificacion"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Se propuso %(acta)s; la Titular la revisa.") % {"acta": nueva},
            )
            return redirect("archivo_disposicion", nueva.pk)
    return TemplateResponse(
        request,
        "archivo/disposiciones.html",
        {
            "disposiciones": Disposicion.objects.select_related(
                "propuesta_por", "revisada_por"
            )[:100],
            "tipos": Disposicion.TIPOS,
            "tipo": tipo,
            "form": form,
            # Requests to lift a hold wait here for the Titular.
            "levantamientos": Registro.objects.exclude(levantamiento_pedido_en=None)
            .select_related("levantamiento_pedido_por")
            .order_by("levantamiento_pedido_en")
            if request.user.has_perm(APROBAR_DISPOSICION)
            else None,
        },
    )


def disposicion_view(request, pk):
    """One act: approve or reject (Titular), execute (Archivo), its acta."""
    if not (
        request.user.has_perm(PROPONER_DISPOSICION)
        or request.user.has_perm(APROBAR_DISPOSICION)
    ):
        raise PermissionDenied
    acta = get_object_or_404(Disposicion, pk=pk)
    if request.method == "POST":
        accion = request.POST.get("accion")
        try:
            if accion in ("aprobar", "rechazar"):
                reglas.revisar(
                    acta,
                    request.user,
                    accion == "aprobar",
                    request.POST.get("comentario", ""),
                )
            elif accion == "ejecutar":
                reglas.ejecutar(acta, request.user)
            else:
                raise ValidationError(_("Acción desconocida."))
        except (ValidationError, PermissionDenied) as error:
            mensajes = getattr(error, "messages", None) or [str(error)]
            messages.error(request, " ".join(mensajes))
        else:
            messages.success(
                request,
                _("%(acta)s: %(estado)s.")
                % {"acta": acta, "estado": acta.get_estado_display()},
            )
        return redirect("archivo_disposicion", acta.pk)
    return TemplateResponse(
        request,
        "archivo/disposicion.html",
        {
            "acta": acta,
            "registros": acta.registros.select_related("serie"),
            "puede_revisar": request.user.has_perm(APROBAR_DISPOSICION)
            and acta.propuesta_por_id != request.user.pk
            and acta.estado == Disposicion.PROPUESTA,
            "puede_ejecutar": request.user.has_perm(PROPONER_DISPOSICION)
            and acta.estado == Disposicion.APROBADA,
        },
    )


def descargar_acta_view(request, pk):
    """The executed act's PDF."""
    if not (
        request.user.has_perm(PROPONER_DISPOSICION)
        or request.user.has_perm(APROBAR_DISPOSICION)
    ):
        raise PermissionDenied
    acta = get_object_or_404(Disposicion, pk=pk, estado=Disposicion.EJECUTADA)
    return descarga(acta.acta, f"acta-{acta.pk}.pdf")
