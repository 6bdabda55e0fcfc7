"""The newsroom: boletines with their photos, media lists, contacts, the agenda."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from boletines.models import (
    AgendaPage,
    BoletinFoto,
    BoletinIndexPage,
    BoletinPage,
    ContactoDistribucion,
    ContactoPrensa,
    Evento,
    ListaDistribucion,
)

from .home import AreaFactory
from .media import ImagenFactory
from .paginas import PaginaFactory


class BoletinIndexPageFactory(PaginaFactory):
    """The newsroom (sala de prensa)."""

    class Meta:
        model = BoletinIndexPage

    title = "Sala de prensa"
    slug = "boletines"
    live = True


class BoletinFotoFactory(DjangoModelFactory):
    """One of a boletín's 1 to 5 photos."""

    class Meta:
        model = BoletinFoto

    imagen = factory.SubFactory(ImagenFactory)
    pie = "Pie de foto"


class BoletinPageFactory(PaginaFactory):
    """A boletín, a draft unless a trait says otherwise.

    ``publicada=True``: live through a published revision (folio and record follow).
    ``con_fotos=True``: one approved photo (``fotos=3`` for three, or a list of
    images); ``en_flujo=True`` with ``autor=``: submitted for approval.
    Traits: ``embargado`` (``go_live_at`` tomorrow: with ``publicada=True`` it is
    scheduled, as an approved embargo) and ``de_plantel`` (from the Torreón campus).
    """

    class Meta:
        model = BoletinPage

    class Params:
        de_plantel = factory.Trait(
            area=factory.SubFactory(
                AreaFactory, nombre="Plantel Torreón", slug="plantel-torreon"
            )
        )
        embargado = factory.Trait(
            go_live_at=factory.LazyFunction(
                lambda: timezone.now() + datetime.timedelta(days=1)
            )
        )

    title = factory.Sequence(lambda n: f"Boletín de prueba {n}")
    fecha = factory.LazyFunction(timezone.localdate)
    lugar = "Saltillo, Coahuila"
    sumario = "Sumario del boletín de prueba."
    cuerpo = factory.LazyFunction(
        lambda: [("parrafo", RichText("<p>Cuerpo del boletín.</p>"))]
    )

    @factory.post_generation
    def fotos(obj, create, extracted, **kwargs):
        """``fotos=N`` adds N approved photos; ``fotos=[imagen, …]`` those images."""
        if not create or not extracted:
            return
        imagenes = (
            [ImagenFactory() for _ in range(extracted)]
            if isinstance(extracted, int)
            else list(extracted)
        )
        for orden, imagen in enumerate(imagenes):
            BoletinFotoFactory(page=obj, imagen=imagen, sort_order=orden)

    @factory.post_generation
    def con_fotos(obj, create, extracted, **kwargs):
        """One approved photo, unless ``fotos`` gave some."""
        if create and extracted and not obj.fotos.exists():
            BoletinFotoFactory(page=obj, sort_order=0)


class ContactoPrensaFactory(DjangoModelFactory):
    """The spokesperson a boletín names for the media."""

    class Meta:
        model = ContactoPrensa

    nombre = factory.Sequence(lambda n: f"Vocería {n}")
    cargo = "Coordinación de Comunicación Social"
    correo = factory.Sequence(lambda n: f"prensa{n}@cepru.gob.mx")


class ListaDistribucionFactory(DjangoModelFactory):
    """A media list; ``contactos=N`` adds that many press contacts.

    ``predeterminada=True`` makes it the list every boletín goes to.
    """

    class Meta:
        model = ListaDistribucion
        skip_postgeneration_save = True

    nombre = factory.Sequence(lambda n: f"Medios {n}")

    @factory.post_generation
    def contactos(obj, create, extracted, **kwargs):
        """``contactos=N``: N reporters of N outlets."""
        if not create or not extracted:
            return
        for n in range(extracted):
            ContactoDistribucion.objects.create(
                lista=obj,
                nombre=f"Reportera {n + 1}",
                medio=f"Diario {n + 1}",
                tipo="prensa",
                correo=f"redaccion{n + 1}-{obj.pk}@diario.example.mx",
                sort_order=n,
            )


class EventoFactory(DjangoModelFactory):
    """An event of the weekly agenda."""

    class Meta:
        model = Evento

    titulo = factory.Sequence(lambda n: f"Reunión de trabajo {n}")
    fecha = factory.LazyFunction(timezone.localdate)
    hora = datetime.time(9, 0)
    lugar = "Sala de juntas, Dirección General"


class AgendaPageFactory(PaginaFactory):
    """The public weekly agenda."""

    class Meta:
        model = AgendaPage

    title = "Agenda"
    slug = "agenda"
    live = True
