"""The archivist's workspace: the records listing, its filters and its exports.

A Wagtail ``ModelViewSet`` (read-only: records are written by publication), not
wagtail-modeladmin, whose listing no longer renders well in Wagtail 8 (see
``docs/archivo.md``).
"""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect, HeaderButton, ListingButton
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import documents
from .hojas import texto_csv
from .models import Registro, SerieDocumental, VerificacionFijeza
from .permissions import APROBAR_DISPOSICION, EXPORTAR_REGISTROS, RESERVAR_REGISTRO


class RegistroPermissionPolicy(ModelPermissionPolicy):
    """Read-only for everyone, superusers too: publication writes the records."""

    SOLO_LECTURA = {"view"}

    def user_has_permission(self, user, action):
        """Only "view" is ever granted, and only with ``archivo.view_registro``."""
        return action in self.SOLO_LECTURA and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        """Whoever may view the records; nobody may add, change or delete."""
        return super().users_with_any_permission(
            [a for a in actions if a in self.SOLO_LECTURA]
        )


register_permission_policy(Registro, RegistroPermissionPolicy(Registro))


def _anios():
    """The years records were opened in, newest first."""
    anios = Registro.objects.dates("abierto", "year", order="DESC")
    return [(str(f.year), str(f.year)) for f in anios]


def _valores(campo):
    """The distinct values of ``campo`` in the records, as filter choices."""

    def opciones():
        valores = (
            Registro.objects.exclude(**{campo: ""})
            .order_by(campo)
            .values_list(campo, flat=True)
            .distinct()
        )
        return [(v, v) for v in valores]

    return opciones


class ValorLibreField(django_filters.fields.ChoiceField):
    """Offers the listed choices but accepts any value its ``acepta`` allows.

    As the modeladmin filters did: a year or type without records filters to
    nothing, instead of making the form invalid (Wagtail then drops every filter).
    """

    def __init__(self, *args, acepta=bool, **kwargs):
        self.acepta = acepta
        super().__init__(*args, **kwargs)

    def valid_value(self, value):
        """Any value ``acepta`` takes, listed or not."""
        return self.acepta(str(value))


class ValorLibreFilter(django_filters.ChoiceFilter):
    """A radio-list filter over values that may not be listed (see the field)."""

    field_class = ValorLibreField


def _digitos(valor):
    """A whole number of years or days."""
    return valor.isdigit()


class RegistroFilterSet(WagtailFilterSet):
    """Series, year, type, area, status, expiry and hold; the export keeps them."""

    serie = django_filters.ModelChoiceFilter(
        label=_("Serie documental"),
        queryset=SerieDocumental.objects.all(),
        widget=forms.RadioSelect,
    )
    anio = ValorLibreFilter(
        label=_("Año"),
        choices=_anios,
        acepta=_digitos,
        method="filtrar_anio",
        widget=forms.RadioSelect,
    )
    tipo = ValorLibreFilter(
        label=_("Tipo"), choices=_valores("tipo"), widget=forms.RadioSelect
    )
    area = ValorLibreFilter(
        label=_("Área o plantel"), choices=_valores("area"), widget=forms.RadioSelect
    )
    estado = ValorLibreFilter(
        label=_("Estado"),
        choices=Registro.ESTADOS,
        method="filtrar_estado",
        widget=forms.RadioSelect,
    )
    por_vencer = ValorLibreFilter(
        label=_("Por vencer"),
        choices=[
            (str(dias), _("en los próximos %(dias)s días") % {"dias": dias})
            for dias in (30, 60, 90, 180, 365)
        ],
        acepta=_digitos,
        method="filtrar_por_vencer",
        widget=forms.RadioSelect,
    )
    reserva = django_filters.BooleanFilter(
        label=_("En reserva"), widget=BooleanRadioSelect
    )

    class Meta:
        model = Registro
        fields = []

    def filtrar_anio(self, queryset, name, value):
        """The year the record was opened (first publication)."""
        return queryset.filter(abierto__year=int(value))

    def filtrar_estado(self, queryset, name, value):
        """Trámite and concentración follow from today's date, not a stored field."""
        if value in dict(Registro.ESTADOS):
            return queryset.en_estado(value)
        return queryset

    def filtrar_por_vencer(self, queryset, name, value):
        """Records whose current stage ends in the next N days."""
        return queryset.por_vencer(int(value))


class FechaColumn(Column):
    """A date as dd/mm/aaaa on one line: ten columns fit beside the menu."""

    class Media:
        css = {"all": ["archivo/registros.css"]}

    def get_value(self, instance):
        """The day (in local time for a moment), in the short format."""
        valor = super().get_value(instance)
        if isinstance(valor, datetime.datetime):
            valor = timezone.localtime(valor).date()
        return date_format(valor, "SHORT_DATE_FORMAT") if valor else ""


class RegistroIndexView(IndexView):
    """The listing: Elasticsearch answers the search when configured."""

    table_classname = "listing archivo-registros"  # scopes registros.css
    template_name = "archivo/registros_index.html"

    def get_context_data(self, **kwargs):
        """The last fixity check of the records' store, above the listing."""
        contexto = super().get_context_data(**kwargs)
        contexto["ultima_verificacion"] = VerificacionFijeza.objects.exclude(
            terminada=None
        ).first()
        return contexto

    def get_base_queryset(self):
        """The series comes with each record: one query for the page."""
        return super().get_base_queryset().select_related("serie")

    @cached_property
    def columns(self):
        """The title links to the record and carries its buttons, not the folio.

        Some records have no folio (campaigns, photos); every record has a title.
        """
        columnas = super().columns
        # A quarter of the table: the headings do not wrap, so without a width
        # the title (often a long URL) is squeezed to a few letters per line.
        columnas[1] = self._get_title_column("titulo", width="25%")
        return columnas

    def search_queryset(self, queryset):
        """Every word in some field (as Django's admin searched), or the index."""
        if not self.is_searching:
            return queryset
        if documents.activo():
            return queryset.filter(pk__in=documents.ids_encontrados(self.search_query))
        for palabra in smart_split(self.search_query):
            if palabra.startswith(('"', "'")) and palabra[0] == palabra[-1]:
                palabra = unescape_string_literal(palabra)
            alguna = Q()
            for campo in self.search_fields:
                alguna |= Q(**{f"{campo}__icontains": palabra})
            queryset = queryset.filter(alguna)
        return queryset

    @property
    def header_buttons(self):
        """The transfer package, for those who may export, with the filters."""
        botones = list(super().header_buttons)
        if self.request.user.has_perm(EXPORTAR_REGISTROS):
            botones.append(
                HeaderButton(
                    _("Paquete de transferencia…"),
                    url=reverse("archivo_exportaciones")
                    + "?"
                    + self.request.GET.urlencode(),
                    icon_name="download",
                )
            )
        return botones

    def get_list_buttons(self, instance):
        """Inspect, and the legal hold for those who may set or decide it."""
        botones = super().get_list_buttons(instance)
        usuario = self.request.user
        if instance.levantamiento_pedido_en:
            etiqueta = _("Levantamiento pendiente")
        elif instance.reserva:
            etiqueta = _("Pedir levantar reserva")
        else:
            etiqueta = _("Reservar")
        if usuario.has_perm(RESERVAR_REGISTRO) or (
            instance.levantamiento_pedido_en and usuario.has_perm(APROBAR_DISPOSICION)
        ):
            botones.insert(
                0,
                ListingButton(
                    etiqueta,
                    url=reverse("archivo_reserva", args=(instance.pk,)),
                    classname="w-whitespace-nowrap",
                    attrs={"title": _("Reserva (congela la disposición del registro)")},
                    priority=5,
                ),
            )
        return botones

    def write_csv_row(self, writer, row_dict):
        """Wagtail types XLSX formulas as text; CSV cells get the same protection."""
        return super().write_csv_row(
            writer, {campo: texto_csv(valor) for campo, valor in row_dict.items()}
        )

    def to_row_dict(self, item):
        """The export's row; the record number and the series code are computed."""
        calculados = {
            "numero": item.pk,
            "codigo_de_serie": item.serie.codigo if item.serie else "",
        }
        return {
            campo: calculados[campo]
            if campo in calculados
            else multigetattr(item, campo)
            for campo in self.list_export
        }


class RegistroViewSet(ModelViewSet):
    """The records listing of the Archivo role, exportable to CSV and XLSX."""

    model = Registro
    name = "registros"
    url_namespace = "archivo_registros"
    url_prefix = "archivo/registro"  # the modeladmin workspace's address
    icon = "folder-open-inverse"
    menu_label = _("Registros")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistroIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = RegistroFilterSet
    search_fields = ["titulo", "folio", "area", "responsable", "ultima_accion"]
    search_backend_name = None
    list_per_page = 100  # as the modeladmin workspace paged
    list_display = [
        # One line: "Boletín 12/2026" reads as one token.
        Column(
            "folio", label=_("Folio"), sort_key="folio", classname="w-whitespace-nowrap"
        ),
        "titulo",
        "tipo",
        "serie",
        "area",
        FechaColumn(
            "abierto",
            label=_("Apertura"),
            sort_key="abierto",
            classname="w-whitespace-nowrap",
        ),
        FechaColumn(
            "fin_tramite",
            label=_("Fin de trámite"),
            sort_key="fin_tramite",
            classname="w-whitespace-nowrap",
        ),
        FechaColumn(
            "fin_concentracion",
            label=_("Fin de concentración"),
            sort_key="fin_concentracion",
            classname="w-whitespace-nowrap",
        ),
        Column("estado", label=_("Estado"), accessor="get_estado_display"),
        BooleanColumn("reserva", label=_("Reserva")),
    ]
    list_export = [
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
    ]
    export_headings = {
        "numero": _("Número de registro"),
        "codigo_de_serie": _("Código de serie"),
        "get_estado_display": _("Estado"),
    }
    export_filename = "registros"
    inspect_view_fields = [
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
    ]

    def get_common_view_kwargs(self, **kwargs):
        """No view links to history, usage, add, edit or delete: they do not exist."""
        sin_ruta = ("history", "usage", "add", "edit", "delete")
        return super().get_common_view_kwargs(
            **{f"{vista}_url_name": None for vista in sin_ruta}, **kwargs
        )

    def get_urlpatterns(self):
        """Read-only: adding, editing or deleting a record has no URL at all."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                f"inspect/<{self.pk_path_converter}:pk>/",
                self.inspect_view,
                name="inspect",
            ),
        ]

    @property
    def url_finder_class(self):
        """Links to a record (audit log, references) open its read-only page."""
        return type(
            "RegistroURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )


registro_viewset = RegistroViewSet()
