"""Records management: the catalogue, the records, their exports and disposition.

One module per subject; everything is re-exported here, so ``archivo.models.Registro``
(and the migrations' ``archivo.models.tipos_registrables``) keep their paths.
"""

from .catalogo import AsignacionSerie, SerieDocumental, tipos_registrables
from .deposito import ArchivoResguardado, VerificacionFijeza
from .disposiciones import Disposicion
from .exportaciones import ExportacionRegistros
from .registros import (
    Instantanea,
    InstantaneaInmutable,
    InstantaneaQuerySet,
    Registro,
    RegistroQuerySet,
    sumar_anios,
)

__all__ = [
    "ArchivoResguardado",
    "AsignacionSerie",
    "Disposicion",
    "ExportacionRegistros",
    "Instantanea",
    "InstantaneaInmutable",
    "InstantaneaQuerySet",
    "Registro",
    "RegistroQuerySet",
    "SerieDocumental",
    "sumar_anios",
    "tipos_registrables",
    "VerificacionFijeza",
]
