"""Photos, documents, music and videos of the media library."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection
from wagtail.rich_text import RichText

from media_library.models import (
    Documento,
    GaleriaPage,
    Imagen,
    Musica,
    ProgramaVideo,
    VideoIndexPage,
    VideoPage,
)

from .paginas import PaginaFactory


def _coleccion_raiz():
    return Collection.get_first_root_node()


class ImagenFactory(wagtail_factories.ImageFactory):
    """A real PNG with alt text and credit, ready to go into a boletín.

    Traits: ``sin_credito`` (what the photo check refuses), ``publica``.
    """

    class Meta:
        model = Imagen

    class Params:
        sin_credito = factory.Trait(credito="", description="")
        publica = factory.Trait(publico=True)

    title = factory.Sequence(lambda n: f"Fotografía {n}")
    collection = factory.LazyFunction(_coleccion_raiz)
    file = factory.django.ImageField(width=64, height=48, color="#6a1b31")
    description = "Estudiantes en el laboratorio del plantel"
    credito = "Comunicación Social"


class DocumentoFactory(wagtail_factories.DocumentFactory):
    """A small PDF-like document of the institution."""

    class Meta:
        model = Documento

    title = factory.Sequence(lambda n: f"Documento {n}")
    collection = factory.LazyFunction(_coleccion_raiz)
    file = factory.django.FileField(filename="documento.pdf", data=b"%PDF-1.4\n%%EOF\n")


class MusicaFactory(DjangoModelFactory):
    """A royalty-free track with its proof of licence."""

    class Meta:
        model = Musica

    pista = factory.Sequence(lambda n: f"Pista {n}")
    autor = "Orquesta del Estado"
    licencia = "Creative Commons BY 4.0"
    comprobante = factory.SubFactory(DocumentoFactory)


class GaleriaPageFactory(PaginaFactory):
    """The public photo gallery."""

    class Meta:
        model = GaleriaPage

    title = "Fotografías"
    slug = "fotografias"
    intro = RichText("<p>Fotografías de la institución.</p>")
    live = True


class VideoIndexPageFactory(PaginaFactory):
    """The videoteca, parent of the institutional videos."""

    class Meta:
        model = VideoIndexPage

    title = "Videos"
    slug = "videos"
    live = True


class VideoPageFactory(PaginaFactory):
    """An institutional video whose master is a placeholder file (no ffmpeg time)."""

    class Meta:
        model = VideoPage

    title = factory.Sequence(lambda n: f"Video institucional {n}")
    tipo = "evento"
    descripcion = "La directora general da la bienvenida al ciclo escolar."
    archivo_maestro = factory.LazyFunction(lambda: ContentFile(b"x", name="m.mp4"))


class ProgramaVideoFactory(DjangoModelFactory):
    """A programmed video, due in a week; ``productor=`` assigns it."""

    class Meta:
        model = ProgramaVideo

    tema = factory.Sequence(lambda n: f"Video institucional {n}")
    solicitado_por = "Dirección General"
    fecha_compromiso = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=7)
    )
