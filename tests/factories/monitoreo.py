"""The monitoring desk: outlets, roster, mentions, rules, área contacts."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from monitoreo.models import (
    AsignacionMonitoreo,
    ElementoSintesis,
    Medio,
    Mencion,
    PaginaEscaneada,
    Programa,
    Recorte,
    Regla,
    ReporteMonitoreo,
    ResponsableArea,
    Sintesis,
)


class MedioFactory(DjangoModelFactory):
    """An outlet of the directory (a newspaper unless told)."""

    class Meta:
        model = Medio
        django_get_or_create = ("nombre",)

    nombre = factory.Sequence(lambda n: f"El Diario de Coahuila {n}")
    tipo = Medio.PRENSA
    telefono = "844 410 0000"


class ProgramaFactory(DjangoModelFactory):
    class Meta:
        model = Programa

    medio = factory.SubFactory(MedioFactory, tipo=Medio.RADIO)
    nombre = factory.Sequence(lambda n: f"Noticiero matutino {n}")
    dias = "0,1,2,3,4"
    hora_inicio = datetime.time(7)
    hora_fin = datetime.time(9)


class AsignacionFactory(DjangoModelFactory):
    class Meta:
        model = AsignacionMonitoreo

    medio = factory.SubFactory(MedioFactory)
    dia = 0
    hora_inicio = datetime.time(7)
    hora_fin = datetime.time(9)


class MencionFactory(DjangoModelFactory):
    """A new mention; traits: ``queja`` (classified complaint), ``nota``."""

    class Meta:
        model = Mencion

    class Params:
        queja = factory.Trait(
            tipo="queja", sentimiento="negativo", estado=Mencion.CLASIFICADA
        )
        nota = factory.Trait(
            tipo="nota", sentimiento="neutro", estado=Mencion.CLASIFICADA
        )

    medio = factory.SubFactory(MedioFactory)
    publicada_en = factory.LazyFunction(timezone.now)
    autor = "Juan Pérez (@juanperez)"
    texto = factory.Sequence(
        lambda n: f"Comentario ciudadano número {n} sobre el CEPRU"
    )


class ReglaFactory(DjangoModelFactory):
    class Meta:
        model = Regla

    nombre = factory.Sequence(lambda n: f"Regla {n}")
    frase = "becas"
    tipo = "queja"
    sentimiento = "negativo"


class ResponsableAreaFactory(DjangoModelFactory):
    class Meta:
        model = ResponsableArea

    nombre = "Laura Méndez Ríos"
    correo = factory.Sequence(lambda n: f"area{n}@cepru.gob.mx")


class ReporteMonitoreoFactory(DjangoModelFactory):
    """A day's monitoring report; ``enviado_en=`` when it went to the Dirección."""

    class Meta:
        model = ReporteMonitoreo

    fecha = factory.Sequence(
        lambda n: timezone.localdate() - datetime.timedelta(days=400 + n)
    )


class PaginaEscaneadaFactory(DjangoModelFactory):
    """A scanned newspaper page (a small grey JPEG unless told)."""

    class Meta:
        model = PaginaEscaneada

    medio = factory.SubFactory(MedioFactory)
    fecha = factory.LazyFunction(timezone.localdate)
    pagina = "3A"
    imagen = factory.django.ImageField(
        width=400, height=600, color="lightgrey", format="JPEG"
    )


class RecorteFactory(DjangoModelFactory):
    """A clipping of the institution block, with its own small image."""

    class Meta:
        model = Recorte

    medio = factory.SubFactory(MedioFactory)
    fecha = factory.LazyFunction(timezone.localdate)
    seccion = "Local"
    pagina = "5"
    titular = factory.Sequence(lambda n: f"El CEPRU abre nueva clínica número {n}")
    resumen = "La institución inauguró la clínica del sur con 20 consultorios."
    bloque = "institucion"
    sentimiento = "positivo"
    imagen = factory.django.ImageField(width=300, height=200, color="white")


class SintesisFactory(DjangoModelFactory):
    """The day's síntesis, a draft; ``recortes=[…]`` places those clippings."""

    class Meta:
        model = Sintesis
        skip_postgeneration_save = True

    fecha = factory.LazyFunction(timezone.localdate)
    live = False

    @factory.post_generation
    def recortes(obj, create, extracted, **kwargs):
        for orden, recorte in enumerate(extracted or []):
            ElementoSintesis.objects.create(
                sintesis=obj, recorte=recorte, sort_order=orden
            )
