"""Report columns shared by the admin's reports."""

from wagtail.admin.ui.tables import Column


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
