"""Registration: content opts into records, the way ``register_snippet`` works.

``archivo`` never imports a content app. Each content app calls
``archivo.register(Model, serie=…)`` in its ``AppConfig.ready()``; from then on
archivo reacts to Wagtail's publish and unpublish signals (pages) and guards
deletion (pages, images, documents) for that model, with the series it names as
the default.

This module imports no model, so ``archivo/__init__.py`` can expose :func:`register`
before the app registry is ready. The deletion guard itself lives in
``resguardo.py`` and listens to :data:`borrado_de_registrable`, which
``signal_handlers.conectar()`` wires in ``ArchivoConfig.ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models.signals import pre_delete
from django.dispatch import Signal

# Sent before an item of a registered model is deleted (``sender``: its model,
# ``instance``: the item); a receiver refuses the deletion by raising.
borrado_de_registrable = Signal()


@dataclass(frozen=True)
class Registrable:
    """How archivo reads a registered model: its default series and its fields."""

    modelo: type
    serie: str  # code "fondo/seccion/serie", or the bare serie code
    tipo: object  # a lazy translation, read when a record is opened
    folio: Callable | None = None  # instance -> str ("Boletín 12/2026")
    area: Callable | None = None  # instance -> str
    adjuntos: Callable | None = None  # instance -> iterable of attached objects
    # instance -> "sintesis/2026/12": the folder of its records in exports and
    # BagIt transfers, where a manual names one; "registros" otherwise.
    carpeta: Callable | None = None

    def leer(self, campo, instancia):
        """The text of ``campo`` (folio, area) for ``instancia``; "" without one."""
        funcion = getattr(self, campo)
        valor = funcion(instancia) if funcion else ""
        return str(valor or "")


_registrados: dict[type, Registrable] = {}


class ArchivoPropio:
    """A file field of a registered item itself (a video's master, a report's PDF),
    read by the record's snapshot as one more attachment."""

    def __init__(self, instancia, campo):
        self.file = getattr(instancia, campo)
        self.pk = f"{instancia.pk}-{campo}"
        self._meta = type(instancia)._meta
        self.file_size = None
        self.nombre = f"{instancia} ({campo})"

    def __str__(self):
        return self.nombre


def archivos_propios(*campos):
    """``adjuntos`` for :func:`register`: the item's own non-empty file fields."""

    def leer(instancia):
        return [ArchivoPropio(instancia, c) for c in campos if getattr(instancia, c)]

    return leer


def _antes_de_borrar(sender, instance, **kwargs):
    """``pre_delete`` of a registered model, handed to the deletion guard."""
    borrado_de_registrable.send(sender=sender, instance=instance)


def register(modelo, serie, tipo, folio=None, area=None, adjuntos=None, carpeta=None):
    """Make ``modelo``'s items records of ``serie`` (its default, configurable).

    ``folio`` and ``area`` are callables reading the item; ``adjuntos`` returns the
    files attached to it (by default, the registered images and documents it
    references); ``carpeta`` the folder its records take in a transfer package.
    """
    _registrados[modelo] = Registrable(
        modelo, serie, tipo, folio, area, adjuntos, carpeta
    )
    # Connected per model, not for every sender, so unregistered models keep
    # Django's fast delete (it is disabled for any model with a pre_delete receiver).
    pre_delete.connect(
        _antes_de_borrar, sender=modelo, dispatch_uid=f"archivo_{modelo}"
    )
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
