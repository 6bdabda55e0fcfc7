"""Campaigns and their section."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from campanas.models import (
    CampanaIndexPage,
    CampanaPage,
    Evidencia,
    Instruccion,
    PublicacionProgramada,
    ReporteCumplimiento,
)

from .paginas import PaginaFactory


class CampanaIndexPageFactory(PaginaFactory):
    """The campaigns section."""

    class Meta:
        model = CampanaIndexPage

    title = "Campañas"
    slug = "campanas"
    live = True


class CampanaPageFactory(PaginaFactory):
    """A campaign running this month, a draft unless ``publicada=True``."""

    class Meta:
        model = CampanaPage

    title = factory.Sequence(lambda n: f"Campaña de prueba {n}")
    tema = "Vida libre de violencia"
    objetivo = "Prevenir la violencia en el noviazgo entre estudiantes."
    inicio = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    fin = factory.LazyAttribute(lambda c: c.inicio + datetime.timedelta(days=27))
    descripcion = RichText("<p>Materiales para las redes del plantel.</p>")


class PublicacionProgramadaFactory(DjangoModelFactory):
    """A post programmed in a campaign (``page=``), on Facebook by default."""

    class Meta:
        model = PublicacionProgramada

    fecha = factory.LazyFunction(timezone.now)
    red = "facebook"
    texto = factory.Sequence(lambda n: f"Publicación programada {n}")


class EvidenciaFactory(DjangoModelFactory):
    """The evidence that ``publicacion`` went out: its URL and when."""

    class Meta:
        model = Evidencia

    campana = factory.LazyAttribute(lambda e: e.publicacion.page)
    red = factory.LazyAttribute(lambda e: e.publicacion.red)
    programada_para = factory.LazyAttribute(lambda e: e.publicacion.fecha)
    texto = factory.LazyAttribute(lambda e: e.publicacion.texto)
    url = factory.Sequence(lambda n: f"https://www.facebook.com/cepru/posts/{n}")
    publicada_en = factory.LazyAttribute(lambda e: e.publicacion.fecha)


class InstruccionFactory(DjangoModelFactory):
    """An instruction to the campuses; ``planteles=[…]`` names them."""

    class Meta:
        model = Instruccion
        skip_postgeneration_save = True

    titulo = factory.Sequence(lambda n: f"Instrucción {n}")
    fecha = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def planteles(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.planteles.set(extracted)
            obj.save()


class ReporteCumplimientoFactory(DjangoModelFactory):
    """A campus's evidence report (``plantel=``, optionally ``instruccion=``)."""

    class Meta:
        model = ReporteCumplimiento

    fecha = factory.LazyFunction(timezone.localdate)
    descripcion = "Publicado en la página del plantel"
