"""Campaigns and their section."""

import datetime

import factory
from django.utils import timezone
from wagtail.rich_text import RichText

from campanas.models import CampanaIndexPage, CampanaPage

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
