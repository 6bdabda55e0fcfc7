"""The records catalogue (CADIDO series)."""

import factory
from factory.django import DjangoModelFactory

from archivo.models import SerieDocumental


class SerieDocumentalFactory(DjangoModelFactory):
    """A series of the catalogue, under the institution's fondo and section 9C."""

    class Meta:
        model = SerieDocumental
        django_get_or_create = ("fondo", "seccion", "serie")

    fondo = "CEPRU"
    seccion = "9C"
    serie = factory.Sequence(lambda n: f"9C.{n + 100}")
    nombre = factory.Sequence(lambda n: f"Serie {n}")
    plazo_tramite = 1
    plazo_concentracion = 2
    destino_final = "historico"
    soporte = "electronico"
    puesto_responsable = "Jefatura de la Unidad de Comunicación Social"
    ubicacion = "Unidad de Comunicación Social"
