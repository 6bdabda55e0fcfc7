"""Admin forms of the media library: alt text, consent, and files checked by content.

Wagtail already checks an image by its content (the extension must match the
format Willow reads), its size (``WAGTAILIMAGES_MAX_UPLOAD_SIZE``) and its pixel
count (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, the decompression-bomb guard). These
forms add the office's rules, and the same content check for documents.
"""

import zipfile

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex

from archivo.models import Registro

from .permissions import MOSTRAR_EN_MEDIATECA

MOSTRAR = "media_library.mostrar_en_mediateca"
OCULTAR = "media_library.ocultar_de_mediateca"

ZIP = b"PK\x03\x04"
# Office formats are zip packages; each has a member only it carries.
PAQUETES = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "mimetype",
}
TEXTO = {"csv", "txt", "vtt"}


def paginas_vivas_que_usan(objeto):
    """The live pages whose content references ``objeto`` (Wagtail's usage index)."""
    ids = ReferenceIndex.get_references_to(objeto).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(i) for i in ids.values_list("object_id", flat=True)}
    return Page.objects.live().filter(pk__in=ids).order_by("title")


def motivo_para_no_reemplazar(objeto):
    """Why the file of a stored image or document may not be replaced; or None.

    Wagtail replaces the file in place and deletes the old one: a live page would
    change at once, with no workflow. So the file of something a live page shows,
    or whose record is under hold, is never replaced; a new upload, placed on the
    page, goes through the page's approval like any other change. The old bytes
    stay in the record's write-once store either way.
    """
    if objeto.pk is None:
        return None
    paginas = list(paginas_vivas_que_usan(objeto)[:4])
    if paginas:
        titulos = ", ".join(f"«{p.title}»" for p in paginas[:3])
        return ngettext(
            "No se puede reemplazar el archivo: se publica en la página %(titulos)s. "
            "Cambiar contenido aprobado pasa por su flujo de aprobación: sube el "
            "archivo nuevo como un elemento nuevo y cámbialo en la página, que "
            "volverá a revisión.",
            "No se puede reemplazar el archivo: se publica en las páginas "
            "%(titulos)s. Cambiar contenido aprobado pasa por su flujo de "
            "aprobación: sube el archivo nuevo como un elemento nuevo y cámbialo en "
            "cada página, que volverá a revisión.",
            len(paginas),
        ) % {"titulos": titulos + (" y otras" if len(paginas) > 3 else "")}
    if Registro.objects.de_objeto(objeto).filter(reserva=True).exists():
        return _(
            "No se puede reemplazar el archivo: su registro está en reserva y debe "
            "conservarse tal como se publicó."
        )
    return None


def _archivo_nuevo(form):
    """The uploaded file when it replaces a stored one; None otherwise."""
    archivo = form.cleaned_data.get("file")
    if form.instance.pk and archivo and hasattr(archivo, "content_type"):
        return archivo
    return None


class MostrarEnMediatecaMixin:
    """«Mostrar en la mediateca pública» only for approvers, and logged.

    Anyone else's form has no such field, so whatever they post leaves the flag
    as it was: a file goes public through an approved page, or by this action.
    """

    def __init__(self, *args, **kwargs):
        self.usuario = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if not (self.usuario and self.usuario.has_perm(MOSTRAR_EN_MEDIATECA)):
            self.fields.pop("publico", None)

    def save(self, commit=True):
        instancia = super().save(commit=commit)
        if commit and "publico" in self.fields and "publico" in self.changed_data:
            log(instancia, MOSTRAR if instancia.publico else OCULTAR, user=self.usuario)
        return instancia


class ImagenForm(MostrarEnMediatecaMixin, BaseImageForm):
    """Alt text is required; photos of people need their consent recorded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].label = _("texto alternativo")
            self.fields["description"].error_messages["required"] = _(
                "Describe la imagen para quien no la ve (texto alternativo)."
            )

    def clean_file(self):
        """A photo a live page shows keeps its file (``motivo_para_no_reemplazar``)."""
        archivo = self.cleaned_data.get("file")
        if _archivo_nuevo(self):
            motivo = motivo_para_no_reemplazar(self.instance)
            if motivo:
                raise forms.ValidationError(motivo)
        return archivo

    def clean(self):
        datos = super().clean()
        if datos.get("personas") and not datos.get("consentimiento"):
            self.add_error(
                "consentimiento",
                _(
                    "Aparecen personas identificables: confirma que se cuenta con "
                    "su consentimiento antes de guardar la foto."
                ),
            )
        return datos


def _contenido_valido(archivo, extension):
    archivo.seek(0)
    inicio = archivo.read(8192)
    archivo.seek(0)
    if extension == "pdf":
        return inicio.startswith(b"%PDF-")
    if extension in PAQUETES:
        if not inicio.startswith(ZIP):
            return False
        try:
            with zipfile.ZipFile(archivo) as paquete:
                return PAQUETES[extension] in paquete.namelist()
        except zipfile.BadZipFile:
            return False
        finally:
            archivo.seek(0)
    if extension in TEXTO:
        if b"\x00" in inicio:
            return False
        try:
            inicio.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the 8 KB boundary is still text.
            return error.start >= len(inicio) - 3
        return extension != "vtt" or inicio.lstrip(b"\xef\xbb\xbf").startswith(
            b"WEBVTT"
        )
    return False


class DocumentoForm(MostrarEnMediatecaMixin, BaseDocumentForm):
    """A document's content must be what its extension says; size is limited."""

    def clean_file(self):
        archivo = self.cleaned_data.get("file")
        if not archivo or not hasattr(archivo, "content_type"):
            return archivo  # unchanged on edit
        if _archivo_nuevo(self):
            motivo = motivo_para_no_reemplazar(self.instance)
            if motivo:
                raise forms.ValidationError(motivo)
        if archivo.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("El documento pesa más de %(mb)s MB, el máximo permitido.")
                % {"mb": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // 2**20}
            )
        extension = archivo.name.rsplit(".", 1)[-1].lower()
        if not _contenido_valido(archivo, extension):
            raise forms.ValidationError(
                _(
                    "El contenido del archivo no corresponde a un .%(ext)s: "
                    "revisa que sea el documento correcto."
                )
                % {"ext": extension}
            )
        return archivo
