"""Admin views of the newsroom, one module per report; importable from here."""

from .envios import EnviosFilterSet, EnviosView, reintentar_envio_view
from .indicadores import IndicadoresView, indicadores

__all__ = [
    "EnviosFilterSet",
    "EnviosView",
    "IndicadoresView",
    "indicadores",
    "reintentar_envio_view",
]
