"""Registration: content opts into records, the way ``register_snippet`` works.

``archivo`` never imports a content app. Each content app calls :func:`registrar`
in its ``AppConfig.ready()``; from then on archivo reacts to Wagtail's publish and
unpublish signals (pages) and guards deletion (pages, images, documents) for that
model, with the series it names as the default.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models.signals import pre_delete


@dataclass(frozen=True)
class Registrable:
    """How archivo reads a registered model: its default series and its fields."""

    modelo: type
    serie: str  # code "fondo/seccion/serie", or the bare serie code
    tipo: object  # a lazy translation, read when a record is opened
    folio: Callable | None = None  # instance -> str ("Boletín 12/2026")
    area: Callable | None = None  # instance -> str
    adjuntos: Callable | None = None  # instance -> iterable of attached objects

    def leer(self, campo, instancia):
        funcion = getattr(self, campo)
        valor = funcion(instancia) if funcion else ""
        return str(valor or "")


_registrados: dict[type, Registrable] = {}


def registrar(modelo, serie, tipo, folio=None, area=None, adjuntos=None):
    """Make ``modelo``'s items records of ``serie`` (its default, configurable).

    ``folio`` and ``area`` are callables reading the item; ``adjuntos`` returns the
    files attached to it (by default, the registered images and documents it
    references).
    """
    from .resguardo import al_borrar

    _registrados[modelo] = Registrable(modelo, serie, tipo, folio, area, adjuntos)
    pre_delete.connect(al_borrar, sender=modelo, dispatch_uid=f"archivo_{modelo}")
    return modelo


def registrable(modelo_o_instancia):
    """The registration of a model (or of an instance's class), or None."""
    modelo = (
        modelo_o_instancia
        if isinstance(modelo_o_instancia, type)
        else type(modelo_o_instancia)
    )
    for clase in modelo.__mro__:
        if clase in _registrados:
            return _registrados[clase]
    return None


def registrados():
    """All registrations, for the admin's filters and the demo."""
    return list(_registrados.values())


def registrables_de_paginas():
    """The registered page models (their records are looked up by page id)."""
    from wagtail.models import Page

    return [r.modelo for r in _registrados.values() if issubclass(r.modelo, Page)]
