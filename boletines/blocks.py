"""The blocks of a boletín's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock


class CitaBlock(blocks.StructBlock):
    """A quotation with who said it."""

    texto = blocks.TextBlock(label=_("cita"))
    autor = blocks.CharBlock(label=_("quién lo dice"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Cita")
        template = "boletines/blocks/cita.html"


class ImagenConPieBlock(blocks.StructBlock):
    """An image inside the text, with a caption."""

    imagen = ImageBlock(label=_("imagen"))
    pie = blocks.CharBlock(label=_("pie de foto"), required=False)

    class Meta:
        icon = "image"
        label = _("Imagen con pie")
        template = "boletines/blocks/imagen_con_pie.html"


class VideoBlock(blocks.StructBlock):
    """A video from the media library, played with its final renditions."""

    video = blocks.PageChooserBlock(
        page_type="media_library.VideoPage", label=_("video de la mediateca")
    )
    pie = blocks.CharBlock(label=_("pie"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "boletines/blocks/video.html"


class CuerpoBlock(blocks.StreamBlock):
    """Paragraphs, quotes, images, videos and data tables of a press release."""

    parrafo = blocks.RichTextBlock(
        label=_("Párrafo"), features=["bold", "italic", "link", "ol", "ul"]
    )
    cita = CitaBlock()
    imagen = ImagenConPieBlock()
    video = VideoBlock()
    tabla = TableBlock(label=_("Tabla de datos"))
