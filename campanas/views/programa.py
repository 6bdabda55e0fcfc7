"""The monthly programme: a month of proposed posts as a campaign draft."""

import calendar as calendario_std
import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home.templatetags.institucion_tags import fecha_larga

from ..models import CampanaPage, PublicacionProgramada
from ..models.paginas import REDES
from ..models.programacion import hora_local


class ProgramaMensualForm(forms.Form):
    mes = forms.ChoiceField(label=_("Mes"))
    temas = forms.CharField(
        label=_("Temas"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Un tema por renglón; se reparten un día tras otro."),
    )
    redes = forms.MultipleChoiceField(
        label=_("Redes"), choices=REDES, widget=forms.CheckboxSelectMultiple
    )
    hora = forms.TimeField(label=_("Hora"), initial=datetime.time(10, 0))
    fines_de_semana = forms.BooleanField(
        label=_("Incluir sábados y domingos"), required=False
    )

    def __init__(self, campana, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meses, dia = [], campana.inicio.replace(day=1)
        while dia <= campana.fin:
            meses.append((dia.strftime("%Y-%m"), fecha_larga(dia).split(" de ", 1)[1]))
            dia = (dia + datetime.timedelta(days=32)).replace(day=1)
        self.fields["mes"].choices = meses
        self.fields["redes"].choices = campana.redes
        self.fields["redes"].initial = [red for red, _ in campana.redes]


def proponer_programa(campana, mes, temas, redes, hora, fines_de_semana):
    """One post per day of ``mes`` inside the period, per network, cycling topics."""
    anio, numero = map(int, mes.split("-"))
    dias = [
        datetime.date(anio, numero, d)
        for d in range(1, calendario_std.monthrange(anio, numero)[1] + 1)
    ]
    dias = [
        d
        for d in dias
        if campana.inicio <= d <= campana.fin and (fines_de_semana or d.weekday() < 5)
    ]
    return [
        PublicacionProgramada(
            fecha=hora_local(dia, hora), red=red, texto=temas[i % len(temas)]
        )
        for i, dia in enumerate(dias)
        for red in redes
    ]


def programa_mensual_view(request, page_id):
    """Propose a month of daily posts as a new draft the editor then edits."""
    campana = get_object_or_404(CampanaPage, pk=page_id)
    if not campana.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    # The page's lock, a workflow task's lock or a scheduled publication's, as the
    # edit view honours them: the programme is a new revision like any other edit.
    candado = campana.get_lock()
    if candado and candado.for_user(request.user):
        messages.error(
            request,
            _("No se propuso el programa: la campaña está bloqueada. %(motivo)s")
            % {"motivo": candado.get_message(request.user)},
        )
        return redirect("wagtailadmin_pages:edit", campana.pk)
    borrador = campana.get_latest_revision_as_object()
    form = ProgramaMensualForm(borrador, request.POST or None)
    if request.method == "POST" and form.is_valid():
        datos = form.cleaned_data
        temas = [t.strip() for t in datos["temas"].splitlines() if t.strip()]
        nuevas = proponer_programa(
            borrador,
            datos["mes"],
            temas,
            datos["redes"],
            datos["hora"],
            datos["fines_de_semana"],
        )
        if not nuevas:
            form.add_error("mes", _("Ese mes no tiene días dentro del periodo."))
        else:
            borrador.publicaciones.add(*nuevas)
            borrador.save_revision(user=request.user, log_action=True)
            messages.success(
                request,
                _(
                    "Se propusieron %(n)s publicaciones en un borrador: revísalas, "
                    "edítalas y envía la campaña a autorización."
                )
                % {"n": len(nuevas)},
            )
            return redirect("wagtailadmin_pages:edit", campana.pk)
    return TemplateResponse(
        request,
        "campanas/admin/programa_mensual.html",
        {"campana": campana, "form": form},
    )
