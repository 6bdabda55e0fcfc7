"""The institution's media: images and documents with credit, and the videos section."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page


class Imagen(AbstractImage):
    """A photo or graphic of the institution; ``description`` is its alt text."""

    credito = models.CharField(
        _("crédito"),
        max_length=255,
        blank=True,
        help_text=_("Autor o fuente de la imagen, como se publicará."),
    )

    admin_form_fields = Image.admin_form_fields + ("credito",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("imagen")
        verbose_name_plural = _("imágenes")

    @property
    def alt(self):
        """The alt text a template should use."""
        return self.description or self.title


class ImagenRendition(AbstractRendition):
    """A resized copy of an :class:`Imagen`."""

    image = models.ForeignKey(
        Imagen, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Documento(AbstractDocument):
    """A document of the institution (PDF, office file, subtitles)."""

    credito = models.CharField(_("autor o fuente"), max_length=255, blank=True)

    admin_form_fields = Document.admin_form_fields + ("credito",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")


class VideoIndexPage(Page):
    """The videoteca: institutional videos are published under it."""

    intro = RichTextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sección de videos")
        verbose_name_plural = _("secciones de videos")
