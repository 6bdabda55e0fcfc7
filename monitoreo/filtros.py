"""The inbox's filters: type, sentiment, outlet, área, state, date and queue."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from home.models import Area

from .models import Medio, Mencion
from .models.menciones import SENTIMIENTOS, TIPOS

SIN_ASIGNAR, MIAS, VENCIDAS = "sin_asignar", "mias", "vencidas"


class MencionFilterSet(WagtailFilterSet):
    """Filters of the mentions inbox; «Mías» and «Sin asignar» are its two queues."""

    bandeja = django_filters.ChoiceFilter(
        label=_("Bandeja"),
        choices=[
            (SIN_ASIGNAR, _("Sin asignar")),
            (MIAS, _("Mías")),
            (VENCIDAS, _("Vencidas")),
        ],
        method="filtrar_bandeja",
        widget=forms.RadioSelect,
    )
    estado = django_filters.ChoiceFilter(
        label=_("Estado"), choices=Mencion.ESTADOS, widget=forms.RadioSelect
    )
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=TIPOS, widget=forms.RadioSelect
    )
    sentimiento = django_filters.ChoiceFilter(
        label=_("Sentimiento"), choices=SENTIMIENTOS, widget=forms.RadioSelect
    )
    medio = django_filters.ModelChoiceFilter(
        label=_("Medio"), queryset=Medio.objects.all()
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Área"), queryset=Area.objects.all()
    )
    publicada_en = django_filters.DateFromToRangeFilter(
        label=_("Fecha"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Mencion
        fields = []

    def filtrar_bandeja(self, queryset, name, value):
        if value == SIN_ASIGNAR:
            return queryset.filter(asignada_a__isnull=True).exclude(
                estado__in=(Mencion.CERRADA, Mencion.SIN_RESPUESTA)
            )
        if value == MIAS:
            return queryset.filter(asignada_a=self.request.user)
        if value == VENCIDAS:
            return queryset.filter(
                estado=Mencion.CANALIZADA, vence__lte=timezone.localdate()
            )
        return queryset
