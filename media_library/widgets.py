"""Widgets of the media library's admin forms that import no model."""

from django import forms
from django.urls import reverse


class ArchivoPrivadoInput(forms.ClearableFileInput):
    """A file input that names the stored file and links to its checked download
    (private files have no URL of their own)."""

    template_name = "media_library/widgets/archivo_privado.html"

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def get_context(self, name, value, attrs):
        contexto = super().get_context(name, value, attrs)
        instancia = getattr(value, "instance", None)
        contexto["widget"]["nombre_archivo"] = (
            value.name.rsplit("/", 1)[-1] if self.is_initial(value) else ""
        )
        contexto["widget"]["descarga"] = (
            reverse("programa_videos_material", args=(instancia.pk,))
            if instancia is not None and instancia.pk
            else ""
        )
        return contexto
