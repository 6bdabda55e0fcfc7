"""Campaigns: pages, their programmed posts and evidence, and campus compliance."""

from .calendario import TokenCalendario
from .cumplimiento import Instruccion, ReporteCumplimiento
from .paginas import (
    REDES,
    CampanaIndexPage,
    CampanaMaterial,
    CampanaPage,
    CampanaTag,
    largo_en_x,
)
from .programacion import Evidencia, PublicacionProgramada, hora_local

__all__ = [
    "REDES",
    "CampanaIndexPage",
    "CampanaMaterial",
    "CampanaPage",
    "CampanaTag",
    "Evidencia",
    "Instruccion",
    "PublicacionProgramada",
    "ReporteCumplimiento",
    "TokenCalendario",
    "hora_local",
    "largo_en_x",
]
