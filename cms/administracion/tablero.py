"""The dashboard's «Crear» block: one button per content type the user may create.

Content apps register their page types (``registrar_alta(BoletinPage,
_("Nuevo boletín"))`` in their ``wagtail_hooks``); the block links to Wagtail's
own add view under the first section where the user may add that type.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

_ALTAS = []


def registrar_alta(modelo, etiqueta):
    """Offer «etiqueta» on the dashboard to whoever may create ``modelo``."""
    if all(m is not modelo for m, _e in _ALTAS):
        _ALTAS.append((modelo, etiqueta))


def altas_para(usuario):
    """(label, add URL) for each registered page type ``usuario`` may create."""
    enlaces = []
    for modelo, etiqueta in _ALTAS:
        padres = Page.objects.type(*modelo.allowed_parent_page_models()).order_by(
            "path"
        )
        for padre in padres:
            if padre.permissions_for_user(usuario).can_add_subpage() and (
                modelo in padre.specific_class.allowed_subpage_models()
            ):
                url = reverse(
                    "wagtailadmin_pages:add",
                    args=(modelo._meta.app_label, modelo._meta.model_name, padre.pk),
                )
                enlaces.append((etiqueta, url))
                break
    return enlaces


class AltasPanel(Component):
    """«Nuevo boletín», «Nueva campaña», «Nuevo video»: each one click away."""

    name = "altas"
    template_name = "administracion/panel_altas.html"
    order = 20

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"altas": altas_para(self.request.user)}
