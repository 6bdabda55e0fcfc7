"""The Archivo role's views: the legal hold (with its reason) and background exports."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..almacenamiento import descarga
from ..models import ExportacionRegistros, Registro
from ..permissions import EXPORTAR_REGISTROS, RESERVAR_REGISTRO
from ..tasks import exportar, filtros_de


class ReservaForm(forms.Form):
    """A hold always says why: the reason goes on the record and its exports."""

    reserva = forms.BooleanField(label=gettext_lazy("En reserva"), required=False)
    motivo = forms.CharField(
        label=gettext_lazy("Motivo"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=gettext_lazy(
            "Por ejemplo: solicitud de acceso a la información, juicio en trámite "
            "o auditoría en curso."
        ),
    )

    def clean(self):
        """A hold needs a reason."""
        datos = super().clean()
        if datos.get("reserva") and not datos.get("motivo", "").strip():
            self.add_error("motivo", _("Explica por qué se reserva el registro."))
        return datos


def reserva_view(request, pk):
    """Put a record under legal hold, or lift it."""
    if not request.user.has_perm(RESERVAR_REGISTRO):
        raise PermissionDenied
    registro = get_object_or_404(Registro, pk=pk)
    inicial = {"reserva": registro.reserva, "motivo": registro.reserva_motivo}
    form = ReservaForm(request.POST or None, initial=inicial)
    if request.method == "POST" and form.is_valid():
        registro.reserva = form.cleaned_data["reserva"]
        if registro.reserva:
            registro.reserva_motivo = form.cleaned_data["motivo"].strip()
            registro.reserva_por = request.user
            registro.reserva_desde = timezone.now()
            accion = _("Reservado: %(motivo)s") % {"motivo": registro.reserva_motivo}
        else:
            registro.reserva_motivo = ""
            registro.reserva_por = None
            registro.reserva_desde = None
            accion = _("Reserva levantada")
        registro.ultima_accion = accion[:255]
        registro.ultima_accion_en = timezone.now()
        registro.save()
        messages.success(
            request,
            _("Registro «%(titulo)s»: %(accion)s.")
            % {"titulo": registro.titulo, "accion": accion},
        )
        return redirect("archivo_registros:index")
    return TemplateResponse(
        request, "archivo/reserva.html", {"registro": registro, "form": form}
    )


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
