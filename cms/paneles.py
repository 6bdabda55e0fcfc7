"""Edit-form panels that another app fills in, without the page's app importing it.

A content app places ``PanelRegistrado("cobertura")`` among its panels; an app
above it in no particular layer (the monitoring desk, say) registers what the
panel shows with :func:`registrar`. Nothing registered, or nothing to show for
this user and object: the panel is not drawn.
"""

from django.utils.safestring import mark_safe
from wagtail.admin.panels import Panel

_REGISTRO = {}


def registrar(nombre, contenido):
    """``contenido(instancia, request)`` returns the panel's HTML, or None."""
    _REGISTRO[nombre] = contenido


class PanelRegistrado(Panel):
    def __init__(self, nombre, *args, **kwargs):
        self.nombre = nombre
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "nombre": self.nombre}

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/registrado.html"

        def contenido(self):
            if not hasattr(self, "_contenido"):
                funcion = _REGISTRO.get(self.panel.nombre)
                self._contenido = None
                if funcion is not None and self.instance.pk:
                    self._contenido = funcion(self.instance, self.request)
            return self._contenido

        def is_shown(self):
            return self.contenido() is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["contenido"] = mark_safe(self.contenido())  # rendered by a template
            return context
