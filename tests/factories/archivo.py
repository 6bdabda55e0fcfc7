"""The records catalogue (CADIDO series)."""

import factory
from factory.django import DjangoModelFactory

from archivo.models import SerieDocumental
from demo.archivo import SECCION, SERIES, UNIDAD


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


def catalogo_del_manual(fondo="CEPRU"):
    """The manuals' series (names, periods, destinations) in ``fondo``'s catalogue.

    ``construir_institucion()`` names each series after its content type, with one
    year in trámite and a historical destination; this gives them, and the series
    no content type uses, the values the demo loads (``demo.archivo.SERIES``).
    """
    series = {}
    for clave, nombre, tramite, concentracion, destino, soporte, puesto in SERIES:
        series[clave], _ = SerieDocumental.objects.update_or_create(
            fondo=fondo,
            seccion=SECCION,
            serie=clave,
            defaults={
                "nombre": nombre,
                "plazo_tramite": tramite,
                "plazo_concentracion": concentracion,
                "destino_final": destino,
                "soporte": soporte,
                "puesto_responsable": puesto,
                "ubicacion": UNIDAD,
            },
        )
    return series
