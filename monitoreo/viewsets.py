"""The desk in the admin: directory, roster, inbox, rules, áreas, reports."""

import csv
from functools import cached_property
from io import BytesIO

from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from cms.administracion.columnas import CasillaDirecta, ColumnaDirecta
from cms.administracion.reportes import ReporteViewSet as InformeViewSet
from cms.administracion.tablas import TablaDirecta
from cms.administracion.viewsets import ConPermisoViewSet

from .clasificacion import CAMPOS, clasificar_nueva
from .filtros import MencionFilterSet
from .informes import (
    CoberturaView,
    RecepcionDeCampanaView,
    RecepcionView,
    detalle_cobertura_view,
    tasa_por_medio_view,
)
from .models import (
    AsignacionMonitoreo,
    DestinatarioReporte,
    DiaInhabil,
    Entrevista,
    FormatoImportacion,
    Medio,
    Mencion,
    PaginaEscaneada,
    PlazoTipo,
    Recorte,
    Regla,
    ReporteMonitoreo,
    ResponsableArea,
    Sintesis,
)
from .permissions import RESPONDER_MENCION, VER_REPORTE
from .views import (
    aplicar_reglas_view,
    asuntos_area_view,
    generar_reporte_view,
    importar_csv_view,
    pdf_reporte_view,
    responder_view,
    revisar_reporte_view,
    seguimiento_view,
)
from .views_sintesis import pdf_sintesis_view

AVISO_DATOS_PERSONALES = _(
    "AVISO: este archivo contiene datos personales (Ley General de Protección de "
    "Datos Personales en Posesión de Sujetos Obligados). Úselo solo para el "
    "trámite y no lo conserve más allá del plazo de la serie documental."
)


class ConAvisoDeDatosPersonales:
    """Exports of mentions open with the personal-data notice (CSV and XLSX)."""

    def stream_csv(self, queryset):
        writer = csv.writer(_Eco())
        yield writer.writerow([str(AVISO_DATOS_PERSONALES)])
        yield from super().stream_csv(queryset)

    def write_xlsx(self, queryset, output):
        borrador = BytesIO()
        super().write_xlsx(queryset, borrador)
        borrador.seek(0)
        libro = load_workbook(borrador)
        hoja = libro.active
        hoja.title = "Menciones"
        hoja.insert_rows(1)
        hoja["A1"] = str(AVISO_DATOS_PERSONALES)
        libro.save(output)

    def get_filename(self):
        return f"menciones-datos-personales-{timezone.localdate():%Y-%m-%d}"


class _Eco:
    """A file that hands back what is written, for streaming CSV rows."""

    def write(self, valor):
        return valor


class EstadoColumn(ColumnaDirecta):
    """The state, in red when the área's deadline has passed."""

    def render_cell_html(self, instance, parent_context):
        estado = instance.get_estado_display()
        if not instance.vencida(timezone.localdate()):
            return self.celda(estado)
        return self.celda(
            format_html(
                '<strong class="w-text-critical-200" style="color:#cd4444">'
                "{} · vencida el {}</strong>",
                estado,
                date_format(instance.vence, "j/m/Y"),
            )
        )


class SeguimientoColumn(ColumnaDirecta):
    """The link to the mention's follow-up page."""

    def get_value(self, instance):
        url = reverse(
            Mencion.snippet_viewset.get_url_name("seguimiento"), args=[instance.pk]
        )
        return format_html('<a href="{}">{}</a>', url, _("Seguimiento"))


class MencionIndexView(ConAvisoDeDatosPersonales, IndexView):
    """The inbox, with import and rules next to the downloads.

    Its rows are written directly (``TablaDirecta``, direct cells and checkbox):
    50 rows of templates were most of a page's time.
    """

    table_class = TablaDirecta

    @cached_property
    def columns(self):
        return [CasillaDirecta("bulk_actions"), *super().columns[1:]]

    @cached_property
    def header_more_buttons(self):
        viewset = Mencion.snippet_viewset
        return [
            *super().header_more_buttons,
            Button(
                _("Importar CSV"),
                url=reverse(viewset.get_url_name("importar")),
                icon_name="upload",
                priority=10,
            ),
            Button(
                _("Aplicar reglas a menciones existentes"),
                url=reverse(viewset.get_url_name("aplicar_reglas")),
                icon_name="cog",
                priority=20,
            ),
        ]


class MencionViewSet(SnippetViewSet):
    """The mentions inbox: queues, filters, bulk actions and quick entry."""

    model = Mencion
    icon = "comment"
    menu_label = _("Menciones")
    menu_order = 100
    index_view_class = MencionIndexView
    filterset_class = MencionFilterSet
    search_fields = ["texto", "autor", "cuenta", "tema"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    # Direct cells: 50 rows × 9 columns of templates were most of a page's time.
    list_display = [
        ColumnaDirecta("publicada_en", label=_("Fecha"), sort_key="publicada_en"),
        ColumnaDirecta("medio", label=_("Medio")),
        ColumnaDirecta("__str__", label=_("Mención")),
        ColumnaDirecta(
            "sentimiento", label=_("Sentimiento"), accessor="get_sentimiento_display"
        ),
        ColumnaDirecta("area", label=_("Área")),
        EstadoColumn("estado", label=_("Estado"), sort_key="estado"),
        ColumnaDirecta("asignada_a", label=_("Asignada a")),
        SeguimientoColumn("seguimiento", label=""),
    ]
    list_export = [
        "publicada_en",
        "medio",
        "programa",
        "cuenta",
        "url",
        "autor",
        "texto",
        "tipo",
        "sentimiento",
        "tema",
        "area",
        "estado",
        "vence",
        "respuesta_area",
        "informe_ciudadano",
    ]
    export_headings = {"autor": _("Autor público (dato personal)")}
    ordering = ["-publicada_en", "-pk"]

    def get_queryset(self, request):
        return Mencion.objects.para_bandeja()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/seguimiento/", seguimiento_view, name="seguimiento"),
            path("aplicar-reglas/", aplicar_reglas_view, name="aplicar_reglas"),
            path("importar/", importar_csv_view, name="importar"),
        ]

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)

        class Formulario(base):
            """Quick entry applies the rules; a class changed by hand stays."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                campo = self.fields.get("publicacion_de_campana")
                if campo is not None:
                    campo.queryset = campo.queryset.select_related("page").order_by(
                        "-fecha"
                    )
                    campo.label_from_instance = _etiqueta_de_publicacion

            def save(self, commit=True):
                mencion = self.instance
                if mencion.pk is None:
                    mencion.creada_por = self.for_user
                    mencion.origen = mencion.origen or "manual"
                    manual = any(
                        self.cleaned_data.get(c.removesuffix("_id")) for c in CAMPOS
                    )
                    mencion.clasificacion_manual = manual
                    clasificar_nueva(mencion)
                elif any(c.removesuffix("_id") in self.changed_data for c in CAMPOS):
                    mencion.clasificacion_manual = True
                return super().save(commit)

        return Formulario


def _etiqueta_de_publicacion(publicacion):
    """«Campaign — network dd/mm/aaaa hh:mm» in the mention form's list."""
    return f"{publicacion.page.title} — {publicacion}"


class EntrevistaViewSet(SnippetViewSet):
    """Interviews and clarifications asked of an outlet about a mention (P03)."""

    model = Entrevista
    icon = "media"
    menu_label = _("Entrevistas y aclaraciones")
    menu_order = 180
    list_display = ["fecha", "medio", "vocero", "mencion"]
    list_filter = ["medio"]


class MedioViewSet(SnippetViewSet):
    """The media directory, with programmes and schedules."""

    model = Medio
    icon = "site"
    menu_label = _("Directorio de medios")
    menu_order = 200
    list_display = ["nombre", "tipo", "conductor", "telefono", "activo"]
    list_filter = ["tipo", "activo"]
    search_fields = ["nombre", "conductor", "productor"]
    list_export = [
        "nombre",
        "tipo",
        "conductor",
        "productor",
        "telefono",
        "correo",
        "url",
        "feed",
    ]


class AsignacionViewSet(SnippetViewSet):
    """The monitoring roster: who watches what, by weekday and hour."""

    model = AsignacionMonitoreo
    icon = "user"
    menu_label = _("Rol de monitoreo")
    menu_order = 300
    list_display = [
        "monitorista",
        "dia",
        "hora_inicio",
        "hora_fin",
        "medio",
        "programa",
    ]
    list_filter = ["dia", "monitorista", "medio"]


class ReglaViewSet(SnippetViewSet):
    """Keyword rules, in the order they are tried."""

    model = Regla
    icon = "cog"
    menu_label = _("Reglas de clasificación")
    menu_order = 400
    list_display = ["nombre", "frase", "tipo", "sentimiento", "tema", "area", "activa"]
    list_filter = ["activa", "tipo"]


class ResponsableAreaViewSet(SnippetViewSet):
    """The áreas' contacts and the users who answer for them."""

    model = ResponsableArea
    icon = "group"
    menu_label = _("Responsables de área")
    menu_order = 500
    list_display = ["nombre", "area", "correo", "usuario"]
    list_filter = ["area"]


class DiaInhabilViewSet(SnippetViewSet):
    """Non-working days the institution adds to the official ones."""

    model = DiaInhabil
    icon = "date"
    menu_label = _("Días inhábiles")
    menu_order = 600
    list_display = ["fecha", "motivo"]


class PlazoTipoViewSet(SnippetViewSet):
    """Business days to answer, per type of mention."""

    model = PlazoTipo
    icon = "time"
    menu_label = _("Plazos por tipo")
    menu_order = 700
    list_display = ["tipo", "dias_habiles"]


class DestinatarioViewSet(SnippetViewSet):
    """The Director General's list for the daily report."""

    model = DestinatarioReporte
    icon = "mail"
    menu_label = _("Destinatarios del reporte")
    menu_order = 800
    list_display = ["nombre", "correo", "activo"]


class FormatoImportacionViewSet(SnippetViewSet):
    """Each source's CSV column mapping."""

    model = FormatoImportacion
    icon = "table"
    menu_label = _("Formatos de importación")
    menu_order = 900
    list_display = ["nombre", "medio", "formato_fecha"]


class ReporteViewSet(SnippetViewSet):
    """The daily reports: generate, review, send; each a record once sent."""

    model = ReporteMonitoreo
    icon = "doc-full"
    menu_label = _("Reportes diarios")
    menu_order = 150
    list_display = ["fecha", "generado_por", "enviado_en", "asunto"]
    list_filter = ["fecha"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("generar/", generar_reporte_view, name="generar"),
            path("<int:pk>/revisar/", revisar_reporte_view, name="revisar"),
            path("<int:pk>/pdf/", pdf_reporte_view, name="pdf"),
        ]


class PaginaEscaneadaViewSet(SnippetViewSet):
    """Full newspaper pages scanned to clip from; kept 7 days unless clipped."""

    model = PaginaEscaneada
    icon = "image"
    menu_label = _("Páginas escaneadas")
    menu_order = 170
    list_display = ["__str__", "fecha", "subida_en"]
    list_filter = ["fecha"]
    copy_view_enabled = False


class RecorteCreateView(CreateView):
    """«Recortar» from the dashboard: ``?mencion=`` starts from that mention."""

    def get_initial(self):
        inicial = super().get_initial()
        if self.request.GET.get("mencion", "").isdigit():
            inicial["mencion"] = int(self.request.GET["mencion"])
        return inicial


class RecorteViewSet(SnippetViewSet):
    """The clippings the síntesis chooses from."""

    model = Recorte
    add_view_class = RecorteCreateView
    icon = "cut"
    menu_label = _("Recortes")
    menu_order = 165
    list_display = ["titular", "medio", "fecha", "bloque"]
    list_filter = ["fecha", "bloque", "medio"]
    search_fields = ["titular", "resumen", "columnista"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)

        class Formulario(base):
            """A clipping made from a mention of the inbox starts with its data."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if self.instance.pk or "mencion" not in self.initial:
                    return
                mencion = Mencion.objects.filter(pk=self.initial["mencion"]).first()
                if mencion is not None:
                    self.initial.setdefault("medio", mencion.medio_id)
                    self.initial.setdefault("url", mencion.url)
                    self.initial.setdefault("extracto", mencion.texto)
                    self.initial.setdefault("sentimiento", mencion.sentimiento)
                    self.initial.setdefault("publicacion", mencion.publicacion_id)
                    self.initial.setdefault("fecha", mencion.publicada_en.date())

        return Formulario


class EnviadaColumn(Column):
    """When the síntesis went out, and whether after 9:30."""

    def get_value(self, instance):
        control = getattr(instance, "control", None)
        if control is None or control.enviada_en is None:
            return ""
        hora = timezone.localtime(control.enviada_en).strftime("%H:%M")
        if control.tardia:
            return _("%(hora)s (fuera de tiempo)") % {"hora": hora}
        return hora


class SintesisViewSet(SnippetViewSet):
    """The day's síntesis: assembled by Monitoreo, authorised by the head."""

    model = Sintesis
    icon = "doc-full-inverse"
    menu_label = _("Síntesis informativa")
    menu_order = 160
    list_display = ["__str__", "fecha", EnviadaColumn("enviada", label=_("Enviada"))]
    list_filter = ["fecha"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Sintesis.objects.select_related("control")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/pdf/", pdf_sintesis_view, name="pdf"),
        ]


class MonitoreoGroup(SnippetViewSetGroup):
    """The desk's menu."""

    menu_label = _("Monitoreo")
    menu_icon = "view"
    menu_order = 260
    items = (
        MencionViewSet,
        SintesisViewSet,
        RecorteViewSet,
        PaginaEscaneadaViewSet,
        ReporteViewSet,
        EntrevistaViewSet,
        MedioViewSet,
        AsignacionViewSet,
        ReglaViewSet,
        ResponsableAreaViewSet,
        DiaInhabilViewSet,
        PlazoTipoViewSet,
        DestinatarioViewSet,
        FormatoImportacionViewSet,
    )


class AsuntosAreaViewSet(ConPermisoViewSet):
    """The área's own list of what was channelled to it, and its answer form."""

    name = "asuntos_area"
    url_prefix = "monitoreo/mi-area"
    permiso = RESPONDER_MENCION
    icon = "comment"
    menu_label = _("Asuntos de mi área")
    menu_order = 90
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", self.proteger(asuntos_area_view), name="index"),
            path("<int:pk>/", self.proteger(responder_view), name="responder"),
        ]


class CoberturaViewSet(InformeViewSet):
    """«Cobertura»: each boletín's pick-ups, due 3 days after publication."""

    name = "cobertura_boletines"
    url_prefix = "monitoreo/cobertura"
    permiso = VER_REPORTE
    view_class = CoberturaView
    icon = "site"
    menu_label = _("Cobertura de boletines")
    menu_order = 1600
    acciones = (
        ("<int:pk>/", detalle_cobertura_view, "detalle"),
        ("tasa-por-medio/", tasa_por_medio_view, "tasa"),
    )


class RecepcionViewSet(InformeViewSet):
    """Reception per publication (León 002 §4.4)."""

    name = "recepcion_publicaciones"
    url_prefix = "monitoreo/recepcion"
    permiso = VER_REPORTE
    view_class = RecepcionView
    icon = "comment"
    menu_label = _("Recepción por publicación")
    menu_order = 1610


class RecepcionDeCampanaViewSet(InformeViewSet):
    """Reception per programmed campaign post (León 002 §4.4)."""

    name = "recepcion_publicaciones_de_campana"
    url_prefix = "monitoreo/recepcion-campanas"
    permiso = VER_REPORTE
    view_class = RecepcionDeCampanaView
    icon = "comment"
    menu_label = _("Recepción por publicación de campaña")
    menu_order = 1611
