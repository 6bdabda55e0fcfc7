"""The Archivo role's admin views; the records listing itself is in ``viewsets.py``."""

from .disposicion import (
    descargar_acta_view,
    descargar_inventario_view,
    disposicion_view,
    disposiciones_view,
    inventarios_view,
)
from .registros import descargar_exportacion_view, exportaciones_view, reserva_view

__all__ = [
    "descargar_acta_view",
    "descargar_exportacion_view",
    "descargar_inventario_view",
    "disposicion_view",
    "disposiciones_view",
    "exportaciones_view",
    "inventarios_view",
    "reserva_view",
]
