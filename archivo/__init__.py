"""Records and retention: content opts in with :func:`register` in its ``ready()``."""

from .registry import register

__all__ = ["register"]
