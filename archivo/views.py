"""The legal hold (reserva): set or lifted by the Archivo role, with its reason."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Registro

PERMISO_RESERVA = "archivo.reservar_registro"


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
        datos = super().clean()
        if datos.get("reserva") and not datos.get("motivo", "").strip():
            self.add_error("motivo", _("Explica por qué se reserva el registro."))
        return datos


def reserva_view(request, pk):
    """Put a record under legal hold, or lift it."""
    if not request.user.has_perm(PERMISO_RESERVA):
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
        return redirect("archivo_registro_modeladmin_index")
    return TemplateResponse(
        request, "archivo/reserva.html", {"registro": registro, "form": form}
    )
