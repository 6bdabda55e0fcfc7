"""Bulk actions of the inbox: classify and close several mentions at once."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import seguimiento
from .formularios import ClasificarForm
from .models import Mencion
from .permissions import CAMBIAR_MENCION


class _EnMenciones(SnippetBulkAction):
    models = [Mencion]

    def check_perm(self, obj):
        return self.request.user.has_perm(CAMBIAR_MENCION)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}


class ClasificarEnBloque(_EnMenciones):
    """Set type, sentiment, topic or área on the selected mentions (by hand)."""

    display_name = _("Clasificar")
    action_type = "clasificar"
    aria_label = _("Clasificar las menciones seleccionadas")
    template_name = "monitoreo/bulk/clasificar.html"
    action_priority = 10
    form_class = ClasificarForm

    def get_execution_context(self):
        return {**super().get_execution_context(), **self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(cls, objects, user=None, **datos):
        for mencion in objects:
            for campo in ("tipo", "sentimiento", "tema", "area"):
                if datos.get(campo):
                    setattr(mencion, campo, datos[campo])
            mencion.clasificacion_manual = True
            mencion.save()
            log(mencion, "monitoreo.clasificar", user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(n)d mención clasificada.",
            "%(n)d menciones clasificadas.",
            num_parent_objects,
        ) % {"n": num_parent_objects}


class CerrarEnBloque(_EnMenciones):
    """Close the selected mentions that need nothing more; the rest stay as they are."""

    display_name = _("Cerrar")
    action_type = "cerrar"
    aria_label = _("Cerrar las menciones seleccionadas")
    template_name = "monitoreo/bulk/cerrar.html"
    action_priority = 20

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        cerradas = 0
        for mencion in objects:
            try:
                seguimiento.cerrar(mencion, user)
            except ValidationError:
                continue
            cerradas += 1
        return cerradas, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(n)d mención cerrada.", "%(n)d menciones cerradas.", num_parent_objects
        ) % {"n": num_parent_objects}
