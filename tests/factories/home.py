"""The institution's own pages and its áreas."""

import factory
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from home.models import Area, HomePage, PlantelPage, PropuestaPage, StandardPage

from .paginas import PaginaFactory


class HomePageFactory(PaginaFactory):
    """The institution's home page (a site's root), published."""

    class Meta:
        model = HomePage

    title = "Comunicación Social del CEPRU"
    slug = "inicio"
    live = True


class StandardPageFactory(PaginaFactory):
    """An institutional page such as «Quiénes somos»."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Página institucional {n}")
    cuerpo = RichText("<p>Texto institucional.</p>")
    live = True


class PlantelPageFactory(PaginaFactory):
    """A campus section, where its enlaces draft proposals."""

    class Meta:
        model = PlantelPage

    title = factory.Sequence(lambda n: f"Plantel {n}")
    director = "Mtra. Rosa Elena Flores Dávila"
    live = True


class PropuestaPageFactory(PaginaFactory):
    """A campus's proposal of material, drafted by its enlace."""

    class Meta:
        model = PropuestaPage

    title = factory.Sequence(lambda n: f"Propuesta {n}")
    descripcion = RichText("<p>Fotos y datos de la actividad.</p>")


class AreaFactory(DjangoModelFactory):
    """An organisational unit that originates content."""

    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    nombre = factory.Sequence(lambda n: f"Dirección {n}")
    slug = factory.Sequence(lambda n: f"direccion-{n}")
