"""The boletines' models, one module per subject; importable from here."""

from .agenda import AgendaPage, Evento, lunes_de
from .distribucion import (
    ContactoDistribucion,
    Distribucion,
    Envio,
    ListaDistribucion,
    ListaDistribucionForm,
)
from .folios import ContadorFolio, Folio
from .paginas import (
    MAX_FOTOS,
    MESES,
    MIN_FOTOS,
    BoletinFoto,
    BoletinIndexPage,
    BoletinPage,
    BoletinPageForm,
    BoletinRelacionado,
    BoletinTag,
    ContactoPrensa,
    FiltrosBoletin,
)

__all__ = [
    "MAX_FOTOS",
    "MESES",
    "MIN_FOTOS",
    "AgendaPage",
    "BoletinFoto",
    "BoletinIndexPage",
    "BoletinPage",
    "BoletinPageForm",
    "BoletinRelacionado",
    "BoletinTag",
    "ContactoDistribucion",
    "ContactoPrensa",
    "ContadorFolio",
    "Distribucion",
    "Envio",
    "Evento",
    "FiltrosBoletin",
    "Folio",
    "ListaDistribucion",
    "ListaDistribucionForm",
    "lunes_de",
]
