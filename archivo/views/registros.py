"""The Archivo role's views: the legal hold (with its reason and the Titular's
approval to lift it) and background exports."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from .. import resguardo as _reglas
from ..almacenamiento import descarga
from ..models import ExportacionRegistros, Registro
from ..permissions import (
    APROBAR_DISPOSICION,
    EXPORTAR_REGISTROS,
    RESERVAR_REGISTRO,
    VER_REGISTROS,
)
from ..tasks import exportar, filtros_de


class MotivoForm(forms.Form):
    """A hold, or the request to lift it, always says why."""

    motivo = forms.CharField(
        label=gettext_lazy("Motivo"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Por ejemplo: solicitud de acceso a la información, juicio en trámite "
            "o auditoría en curso."
        ),
        error_messages={"required": gettext_lazy("Explica el motivo.")},
    )

    def clean_motivo(self):
        motivo = self.cleaned_data["motivo"].strip()
        if not motivo:
            raise forms.ValidationError(_("Explica el motivo."))
        return motivo


ACCIONES_DE_RESERVA = {
    "reservar": _reglas.reservar,
    "pedir_levantamiento": _reglas.pedir_levantamiento,
}


def reserva_view(request, pk):
    """Place a legal hold, ask to lift it (Archivo) or decide the request (Titular)."""
    puede_reservar = request.user.has_perm(RESERVAR_REGISTRO)
    puede_aprobar = request.user.has_perm(APROBAR_DISPOSICION)
    if not (puede_reservar or puede_aprobar):
        raise PermissionDenied
    registro = get_object_or_404(
        Registro.objects.select_related("reserva_por", "levantamiento_pedido_por"),
        pk=pk,
    )
    form = MotivoForm(request.POST or None)
    if request.method == "POST":
        accion = request.POST.get("accion")
        try:
            if accion in ACCIONES_DE_RESERVA:
                if not form.is_valid():
                    raise ValidationError(form.errors["motivo"])
                ACCIONES_DE_RESERVA[accion](
                    registro, request.user, form.cleaned_data["motivo"]
                )
            elif accion in ("aprobar_levantamiento", "rechazar_levantamiento"):
                _reglas.revisar_levantamiento(
                    registro,
                    request.user,
                    accion == "aprobar_levantamiento",
                    request.POST.get("comentario", ""),
                )
            else:
                raise ValidationError(_("Acción desconocida."))
        except PermissionDenied as error:
            messages.error(request, str(error) or _("No tienes permiso para esto."))
            return redirect("archivo_reserva", registro.pk)
        except ValidationError as error:
            registro.refresh_from_db()
            return TemplateResponse(
                request,
                "archivo/reserva.html",
                _contexto_de_reserva(request, registro, form, error.messages),
            )
        else:
            messages.success(
                request,
                _("Registro «%(titulo)s»: %(accion)s.")
                % {"titulo": registro.titulo, "accion": registro.ultima_accion},
            )
            # The Titular reviews requests from the disposition screen.
            if request.user.has_perm(VER_REGISTROS):
                return redirect("archivo_registros:index")
            return redirect("archivo_disposiciones")
    return TemplateResponse(
        request, "archivo/reserva.html", _contexto_de_reserva(request, registro, form)
    )


def _contexto_de_reserva(request, registro, form, errores=()):
    pedido = registro.levantamiento_pedido_en is not None
    return {
        "registro": registro,
        "form": form,
        "errores": errores,
        "puede_reservar": request.user.has_perm(RESERVAR_REGISTRO),
        "puede_revisar": pedido
        and request.user.has_perm(APROBAR_DISPOSICION)
        and registro.levantamiento_pedido_por_id != request.user.pk,
        "historial": ModelLogEntry.objects.for_instance(registro)
        .select_related("user")
        .order_by("-timestamp")[:20],
    }


class ExportacionForm(forms.Form):
    """The format of an export; the filters come from the listing."""

    formato = forms.ChoiceField(
        label=gettext_lazy("Formato"),
        choices=ExportacionRegistros.FORMATOS,
        initial="bagit",
    )


def exportaciones_view(request):
    """Ask for an export of the listing's records, and download finished ones."""
    if not request.user.has_perm(EXPORTAR_REGISTROS):
        raise PermissionDenied
    consulta = request.POST.get("consulta", request.GET.urlencode())
    filtros = filtros_de(QueryDict(consulta))
    form = ExportacionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pedido = ExportacionRegistros.objects.create(
            solicitada_por=request.user,
            formato=form.cleaned_data["formato"],
            filtros=filtros,
        )
        transaction.on_commit(lambda: exportar.enqueue(pedido.pk))
        messages.success(
            request,
            _("Se está preparando la exportación; el enlace aparecerá aquí."),
        )
        return redirect("archivo_exportaciones")
    return TemplateResponse(
        request,
        "archivo/exportaciones.html",
        {
            "form": form,
            "filtros": filtros,
            "consulta": consulta,
            "exportaciones": ExportacionRegistros.objects.select_related(
                "solicitada_por"
            )[:50],
        },
    )


def descargar_exportacion_view(request, pk):
    """Finished exports are served through here: the storage stays private."""
    if not request.user.has_perm(EXPORTAR_REGISTROS):
        raise PermissionDenied
    pedido = get_object_or_404(
        ExportacionRegistros, pk=pk, estado=ExportacionRegistros.LISTA
    )
    return descarga(pedido.archivo, pedido.archivo.name.rsplit("/", 1)[-1])
