"""The monitoring desk's models, one module per subject."""

from .canalizacion import DiaInhabil, Entrevista, PlazoTipo, ResponsableArea
from .directorio import DIAS, AsignacionMonitoreo, Medio, Programa
from .importacion import FormatoImportacion
from .menciones import Mencion
from .reglas import Regla
from .reportes import DestinatarioReporte, ReporteMonitoreo

__all__ = [
    "DIAS",
    "AsignacionMonitoreo",
    "DestinatarioReporte",
    "DiaInhabil",
    "Entrevista",
    "FormatoImportacion",
    "Medio",
    "Mencion",
    "PlazoTipo",
    "Programa",
    "Regla",
    "ReporteMonitoreo",
    "ResponsableArea",
]
