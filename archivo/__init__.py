"""Records and retention: content opts in with :func:`register` in its ``ready()``."""

from .registry import archivos_propios, register

__all__ = ["archivos_propios", "register"]
