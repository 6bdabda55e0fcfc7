"""The archivist's workspace: the records listing, its filters and its exports."""

from django.contrib.admin import SimpleListFilter
from django.contrib.admin.utils import label_for_field
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from . import indice
from .models import Registro


class AnioFilter(SimpleListFilter):
    """The year the record was opened (first publication)."""

    title = _("año")
    parameter_name = "anio"

    def lookups(self, request, model_admin):
        anios = Registro.objects.dates("abierto", "year", order="DESC")
        return [(str(f.year), str(f.year)) for f in anios]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(abierto__year=int(self.value()))
        return queryset


class EstadoFilter(SimpleListFilter):
    """Trámite and concentración follow from today's date, not a stored field."""

    title = _("estado")
    parameter_name = "estado"

    def lookups(self, request, model_admin):
        return Registro.ESTADOS

    def queryset(self, request, queryset):
        if self.value() in dict(Registro.ESTADOS):
            return queryset.en_estado(self.value())
        return queryset


class PorVencerFilter(SimpleListFilter):
    """Records whose current stage ends in the next N days."""

    title = _("por vencer")
    parameter_name = "por_vencer"

    def lookups(self, request, model_admin):
        return [
            (str(dias), _("en los próximos %(dias)s días") % {"dias": dias})
            for dias in (30, 60, 90, 180, 365)
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.por_vencer(int(self.value()))
        return queryset


class RegistroPermissionHelper(PermissionHelper):
    """Read-only: a record is written by publication, never by hand."""

    def user_can_list(self, user):
        return user.has_perm("archivo.view_registro")

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class RegistroButtonHelper(ButtonHelper):
    """Inspect, and the legal hold for those who may set it."""

    def get_buttons_for_obj(self, obj, **kwargs):
        botones = super().get_buttons_for_obj(obj, **kwargs)
        if self.request.user.has_perm("archivo.reservar_registro"):
            botones.append(
                {
                    "url": reverse("archivo_reserva", args=(obj.pk,)),
                    "label": _("Quitar reserva") if obj.reserva else _("Reservar"),
                    "classname": "button button-small button-secondary",
                    "title": _("Reserva (congela la disposición del registro)"),
                }
            )
        return botones


class RegistroIndexView(IndexView):
    """Elasticsearch answers the search when configured; headings read as labels."""

    def get_search_results(self, request, queryset, search_term):
        if search_term and indice.activo():
            return queryset.filter(pk__in=indice.ids_encontrados(search_term))
        return super().get_search_results(request, queryset, search_term)

    def get_heading(self, queryset, field):
        return capfirst(
            force_str(
                label_for_field(field, model=self.model, model_admin=self.model_admin)
            )
        )


class RegistroAdmin(ModelAdmin):
    """The records listing of the Archivo role, exportable to CSV and XLSX."""

    model = Registro
    menu_label = _("Registros")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistroIndexView
    permission_helper_class = RegistroPermissionHelper
    button_helper_class = RegistroButtonHelper
    inspect_view_enabled = True
    list_display = (
        "folio",
        "titulo",
        "tipo",
        "serie",
        "area",
        "abierto",
        "fin_tramite",
        "fin_concentracion",
        "get_estado_display",
        "reserva",
    )
    list_filter = (
        "serie",
        AnioFilter,
        "tipo",
        "area",
        EstadoFilter,
        PorVencerFilter,
        "reserva",
    )
    list_select_related = ("serie",)
    search_fields = ("titulo", "folio", "area", "responsable", "ultima_accion")
    list_export = (
        "numero",
        "folio",
        "titulo",
        "tipo",
        "codigo_de_serie",
        "serie",
        "area",
        "responsable",
        "abierto",
        "ultima_accion",
        "ultima_accion_en",
        "fin_tramite",
        "fin_concentracion",
        "get_estado_display",
        "reserva",
        "reserva_motivo",
        "url",
    )
    export_filename = "registros"
    inspect_view_fields = (
        "folio",
        "titulo",
        "tipo",
        "serie",
        "area",
        "responsable",
        "url",
        "abierto",
        "ultima_accion",
        "ultima_accion_en",
        "fin_tramite",
        "fin_concentracion",
        "disposicion",
        "reserva",
        "reserva_motivo",
        "reserva_por",
        "reserva_desde",
    )

    def numero(self, obj):
        return obj.pk

    numero.short_description = _("número de registro")

    def codigo_de_serie(self, obj):
        return obj.serie.codigo if obj.serie else ""

    codigo_de_serie.short_description = _("código de serie")
