"""The monitoring desk's models, one module per subject."""

from .canalizacion import DiaInhabil, Entrevista, PlazoTipo, ResponsableArea
from .directorio import DIAS, AsignacionMonitoreo, Medio, Programa
from .importacion import FormatoImportacion
from .menciones import Mencion
from .reglas import Regla
from .reportes import DestinatarioReporte, ReporteMonitoreo
from .sintesis import (
    AvisoSintesis,
    ControlSintesis,
    ElementoSintesis,
    EnvioSintesis,
    PaginaEscaneada,
    Recorte,
    Sintesis,
)

__all__ = [
    "DIAS",
    "AsignacionMonitoreo",
    "AvisoSintesis",
    "ControlSintesis",
    "DestinatarioReporte",
    "DiaInhabil",
    "ElementoSintesis",
    "EnvioSintesis",
    "Entrevista",
    "FormatoImportacion",
    "Medio",
    "Mencion",
    "PaginaEscaneada",
    "PlazoTipo",
    "Programa",
    "Recorte",
    "Regla",
    "ReporteMonitoreo",
    "ResponsableArea",
    "Sintesis",
]
