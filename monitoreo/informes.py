"""The desk's reports in the admin: coverage of boletines, reception, pick-up rate."""

from datetime import timedelta

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from . import cobertura
from .permissions import VER_REPORTE


class VenceColumn(Column):
    """The day the coverage report is due: three days after publication."""

    def get_value(self, instance):
        if instance.first_published_at is None:
            return ""
        vence = instance.first_published_at + timedelta(
            days=cobertura.DIAS_PARA_COBERTURA
        )
        return timezone.localtime(vence).strftime("%d/%m/%Y")


class DetalleColumn(Column):
    """The link to a boletín's pick-ups."""

    def get_value(self, instance):
        url = reverse("cobertura_boletines:detalle", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Ver recogidas"))


class CasillaOpcional(forms.CheckboxInput):
    """Unchecked means no filter: without it the active filters read «False»."""

    def value_from_datadict(self, data, files, name):
        return True if super().value_from_datadict(data, files, name) else None


class CoberturaFilterSet(WagtailFilterSet):
    """Only the boletines with no pick-up yet."""

    sin_cobertura = django_filters.BooleanFilter(
        label=_("Solo sin cobertura"),
        method="filtrar_sin_cobertura",
        widget=CasillaOpcional,
    )

    class Meta:
        model = Page
        fields = []

    def filtrar_sin_cobertura(self, queryset, name, value):
        return queryset.filter(recogidas=0) if value else queryset


class CoberturaView(ReportView):
    """Each boletín with its pick-ups in the media, due 3 days after publication."""

    page_title = _("Cobertura de boletines")
    header_icon = "site"
    filterset_class = CoberturaFilterSet
    columns = [
        Column("title", label=_("Boletín")),
        DateColumn("first_published_at", label=_("Publicado")),
        VenceColumn("vence", label=_("Reporte de cobertura vence")),
        Column("recogidas", label=_("Recogidas en medios")),
        DetalleColumn("detalle", label=""),
    ]
    list_export = ["title", "first_published_at", "recogidas"]
    export_headings = {
        "title": _("Boletín"),
        "first_published_at": _("Publicado"),
        "recogidas": _("Recogidas en medios"),
    }

    def get_queryset(self):
        return cobertura.boletines_con_cobertura()

    def get_filename(self):
        return "cobertura-de-boletines"


class RecepcionView(ReportView):
    """How each publication was received: positive, negative, neutral, complaints."""

    page_title = _("Recepción por publicación")
    header_icon = "comment"
    columns = [
        Column("title", label=_("Publicación")),
        Column("content_type", label=_("Tipo"), accessor="content_type.name"),
        Column("menciones", label=_("Menciones")),
        Column("positivos", label=_("Positivas")),
        Column("negativos", label=_("Negativas")),
        Column("neutros", label=_("Neutras")),
        Column("quejas", label=_("Quejas")),
        Column("tema_de_quejas", label=_("Tema principal de las quejas")),
    ]
    list_export = [
        "title",
        "content_type.name",
        "menciones",
        "positivos",
        "negativos",
        "neutros",
        "quejas",
        "tema_de_quejas",
    ]
    export_headings = {
        "title": _("Publicación"),
        "content_type.name": _("Tipo"),
        "menciones": _("Menciones"),
        "positivos": _("Positivas"),
        "negativos": _("Negativas"),
        "neutros": _("Neutras"),
        "quejas": _("Quejas"),
        "tema_de_quejas": _("Tema principal de las quejas"),
    }

    def get_queryset(self):
        return cobertura.recepcion()

    def get_filename(self):
        return "recepcion-por-publicacion"


class RecepcionDeCampanaView(RecepcionView):
    """The same counts per programmed campaign post: which post drew what."""

    page_title = _("Recepción por publicación de campaña")
    columns = [
        Column("campana", label=_("Campaña"), accessor="page.title"),
        Column("publicacion", label=_("Publicación programada"), accessor="__str__"),
        *RecepcionView.columns[2:],
    ]
    list_export = ["page.title", "__str__", *RecepcionView.list_export[2:]]
    export_headings = {
        **RecepcionView.export_headings,
        "page.title": _("Campaña"),
        "__str__": _("Publicación programada"),
    }

    def get_queryset(self):
        return cobertura.recepcion_de_publicaciones_de_campana()

    def get_filename(self):
        return "recepcion-por-publicacion-de-campana"


def detalle_cobertura_view(request, pk):
    """One boletín's pick-ups: outlet, date, sentiment, link."""
    if not request.user.has_perm(VER_REPORTE):
        raise PermissionDenied
    boletin = get_object_or_404(cobertura.boletines_con_cobertura(), pk=pk)
    return TemplateResponse(
        request,
        "monitoreo/cobertura_detalle.html",
        {"boletin": boletin, "recogidas": list(cobertura.recogidas_de(boletin))},
    )


def tasa_por_medio_view(request):
    """Per outlet: boletines sent and picked up."""
    if not request.user.has_perm(VER_REPORTE):
        raise PermissionDenied
    return TemplateResponse(
        request, "monitoreo/tasa_por_medio.html", {"filas": cobertura.tasa_por_medio()}
    )
