"""The title of a boletín, campaign or video: several lines, a counter, a clear limit.

Wagtail's title is a one-line input with ``maxlength``: a long headline hides
behind the edge, and the browser cuts a pasted one at 255 characters without a
word. Here the title is a textarea without ``maxlength`` (nothing is cut), a
counter under it says how many characters are left, and the form refuses a
longer title with a message that says by how much.
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class LargoDelTitulo(MaxLengthValidator):
    """Django's length check, with the message an editor can act on."""

    message = _(
        "El título tiene %(show_value)d caracteres y el máximo es %(limit_value)d: "
        "acórtalo para que quepa completo."
    )


class CampoDeTitulo(forms.Textarea):
    """A textarea with its character counter; the count runs in ``contador.js``."""

    template_name = "administracion/campo_de_titulo.html"

    class Media:
        css = {"all": ["cms/contador.css"]}
        js = ["cms/contador.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 2, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        atributos = context["widget"]["attrs"]
        # The browser would cut silently at maxlength; the form says it instead.
        maximo = int(atributos.pop("maxlength", 0) or 0)
        largo = len(self.format_value(value) or "")
        atributos["data-contador-max"] = maximo
        context["widget"]["contador"] = {"largo": largo, "maximo": maximo}
        return context


class FormularioConTitulo(WagtailAdminPageForm):
    """A page form whose title is a :class:`CampoDeTitulo`, checked by length."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campo = self.fields.get("title")
        if campo is None:
            return
        campo.widget = CampoDeTitulo(attrs=campo.widget.attrs)
        campo.validators = [
            v for v in campo.validators if not isinstance(v, MaxLengthValidator)
        ]
        if campo.max_length:
            campo.validators.append(LargoDelTitulo(campo.max_length))

    def clean_title(self):
        """A title is one line: the line breaks a textarea allows become spaces."""
        return " ".join(self.cleaned_data["title"].split())
