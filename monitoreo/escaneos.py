"""A scanned page arrives as an image or as a scanner's PDF.

Scanners in the office save PDFs whose pages are one picture each. The admin's
form takes such a PDF and keeps the picture of the page asked for (pypdf reads
it; nothing is rasterised), so the clipping tools work on it as on a JPEG. A PDF
page with no picture (one typed, not scanned) is refused with what to do instead.
"""

from io import BytesIO
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from wagtail.admin.forms import WagtailAdminModelForm


def imagen_de_la_pagina(archivo, numero):
    """The largest picture on page ``numero`` (from 1) of the PDF ``archivo``, as
    a JPEG upload; ``forms.ValidationError`` in Spanish when there is none."""
    try:
        lector = PdfReader(archivo)
        paginas = len(lector.pages)
    except (PdfReadError, ValueError, OSError) as error:
        raise forms.ValidationError(
            _("No se pudo leer el PDF. Vuelve a escanearlo o súbelo como JPG.")
        ) from error
    if numero > paginas:
        raise forms.ValidationError(
            _("El PDF tiene %(total)s página(s); no existe la página %(n)s.")
            % {"total": paginas, "n": numero}
        )
    try:
        imagenes = [i.image for i in lector.pages[numero - 1].images]
    except (PdfReadError, ValueError, OSError, NotImplementedError):
        imagenes = []
    imagenes = [i for i in imagenes if i is not None]
    if not imagenes:
        raise forms.ValidationError(
            _(
                "La página %(n)s del PDF no trae una imagen escaneada (es un PDF de "
                "texto). Súbela como imagen JPG o PNG."
            )
            % {"n": numero}
        )
    mayor = max(imagenes, key=lambda imagen: imagen.width * imagen.height)
    salida = BytesIO()
    mayor.convert("RGB").save(salida, "JPEG", quality=90)
    nombre = f"{Path(archivo.name).stem}-p{numero}.jpg"
    return SimpleUploadedFile(nombre, salida.getvalue(), content_type="image/jpeg")


class PaginaEscaneadaForm(WagtailAdminModelForm):
    """The scan's form: an image, or a scanned PDF and which of its pages."""

    pagina_del_pdf = forms.IntegerField(
        label=_("Página del PDF"),
        min_value=1,
        initial=1,
        required=False,
        help_text=_("Si subes un PDF escaneado, qué página suya se guarda."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campo = self.fields["imagen"]
        # A plain file field: a PDF would fail the image check before clean().
        self.fields["imagen"] = forms.FileField(
            label=campo.label,
            required=campo.required,
            help_text=_("JPG o PNG, o el PDF que entrega el escáner."),
            widget=forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,application/pdf"}
            ),
        )

    def clean(self):
        datos = super().clean()
        archivo = datos.get("imagen")
        if not isinstance(archivo, UploadedFile):
            return datos  # no new file: the stored image stays
        archivo.seek(0)
        es_pdf = archivo.read(5) == b"%PDF-"
        archivo.seek(0)
        try:
            if es_pdf:
                archivo = imagen_de_la_pagina(archivo, datos.get("pagina_del_pdf") or 1)
            datos["imagen"] = forms.ImageField().clean(archivo)
        except forms.ValidationError as error:
            self.add_error("imagen", error)
        return datos
