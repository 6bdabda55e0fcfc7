"""Report columns shared by the admin's reports."""

from django.contrib.admin.utils import quote
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column


class ColumnaDirecta(Column):
    """Wagtail's ``Column`` with its cell written directly, not through a template.

    The markup is that of ``wagtailadmin/tables/cell.html``, and the value is
    shown as a template shows it (local time, localised, escaped). A listing of
    50 rows and 8 columns renders that template 400 times per page, most of a
    busy inbox's time; ``celda()`` gives subclasses the same shortcut.
    """

    def celda(self, contenido):
        """``<td>`` with the column's class around ``contenido`` (escaped)."""
        if self.classname:
            return format_html('<td class="{}">{}</td>', self.classname, contenido)
        return format_html("<td>{}</td>", contenido)

    def valor(self, instance):
        """The value ``Column.get_cell_context_data`` hands the template, without
        building the template's context."""
        valor = self.get_value(instance)
        if isinstance(valor, int) and not isinstance(valor, bool):
            return str(valor)  # unlocalized, as Wagtail's cell shows numbers
        if not str(valor).strip():
            return self.empty_value_display
        return valor

    def render_cell_html(self, instance, parent_context):
        valor = self.valor(instance)
        if valor is None:
            return self.celda("")
        return self.celda(localize(template_localtime(valor)))


class CasillaDirecta(BulkActionsCheckboxColumn):
    """The bulk actions' checkbox of a snippet row, written directly.

    The markup of ``wagtailadmin/bulk_actions/listing_checkbox_cell.html`` for
    a non-page object (pages carry their live state, so they keep the template).
    """

    def __init__(self, *args, obj_type="snippet", **kwargs):
        super().__init__(*args, obj_type=obj_type, **kwargs)

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="bulk-action-checkbox-cell"><input type="checkbox" '
            'data-object-id="{}" data-bulk-action-checkbox '
            'class="bulk-action-checkbox" aria-label="{}" '
            'aria-describedby="{}" /></td>',
            quote(str(instance.pk)),
            gettext("Select"),
            self.get_aria_describedby(instance),
        )


class ReintentarColumn(Column):
    """A "Reintentar" button on rows in a retryable state, for users who may retry.

    The button posts to `url_name` with the row's pk.
    """

    cell_template_name = "administracion/reintentar_cell.html"

    def __init__(self, name, *, url_name, permiso, estados, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.permiso = permiso
        self.estados = tuple(estados)

    def get_cell_context_data(self, instance, parent_context):
        contexto = super().get_cell_context_data(instance, parent_context)
        contexto["url_name"] = self.url_name
        contexto["puede"] = instance.estado in self.estados and parent_context[
            "request"
        ].user.has_perm(self.permiso)
        return contexto
