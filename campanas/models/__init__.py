"""Campaigns: pages, their programmed posts and evidence, and campus compliance."""

from .cumplimiento import Instruccion, ReporteCumplimiento
from .paginas import (
    CampanaIndexPage,
    CampanaMaterial,
    CampanaPage,
    CampanaTag,
    PublicacionProgramada,
)
from .programacion import Evidencia, TokenCalendario

__all__ = [
    "CampanaIndexPage",
    "CampanaMaterial",
    "CampanaPage",
    "CampanaTag",
    "Evidencia",
    "Instruccion",
    "PublicacionProgramada",
    "ReporteCumplimiento",
    "TokenCalendario",
]
