"""Nothing under retention is lost: the deletion guard.

The admin refuses early, with a message saying until when and why (hooks in
``wagtail_hooks.py``). Underneath, every registered model refuses deletion at the
model level (``pre_delete``), so no other path (a shell, a cascade, a view without
hooks, such as the image and document delete views) can lose a record's content.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import Registro
from .registry import registrados


class RegistroEnResguardo(Exception):
    """Raised when deleting an item whose record must still be kept."""

    def __init__(self, mensaje):
        super().__init__(mensaje)
        self.mensaje = mensaje


def registrables_de_paginas():
    """The registered page models (their records are looked up by page id)."""
    return [r.modelo for r in registrados() if issubclass(r.modelo, Page)]


def motivos(registros, hoy=None):
    """Why each of ``registros`` is still kept, skipping those that may go."""
    return [m for m in (r.motivo_de_conservacion(hoy) for r in registros) if m]


def registros_de(objetos):
    """The records of ``objetos``; for pages, of their descendants too."""
    objetos = list(objetos)
    paginas = [o for o in objetos if isinstance(o, Page)]
    otros = [o for o in objetos if not isinstance(o, Page)]
    registros = Registro.objects.none()
    if paginas:
        ids = set()
        for pagina in paginas:
            ids.add(str(pagina.pk))
            ids.update(
                str(pk) for pk in pagina.get_descendants().values_list("pk", flat=True)
            )
        tipos = ContentType.objects.get_for_models(*registrables_de_paginas()).values()
        registros |= Registro.objects.filter(content_type__in=tipos, object_id__in=ids)
    for otro in otros:
        registros |= Registro.objects.de_objeto(otro)
    return registros.select_related("serie", "reserva_por")


def mensaje_de_rechazo(objetos, hoy=None):
    """A Spanish message refusing the deletion, or None if nothing is kept."""
    razones = motivos(registros_de(objetos), hoy)
    if not razones:
        return None
    return _("No se puede eliminar: %(razones)s") % {"razones": " ".join(razones)}


def al_borrar(sender, instance, **kwargs):
    """Before deleting an item of a registered model: the last line of defence.

    Only the instance's own record: a page's descendants signal for themselves.
    """
    razones = motivos(Registro.objects.de_objeto(instance).select_related("serie"))
    if razones:
        raise RegistroEnResguardo(
            _("No se puede eliminar: %(razones)s") % {"razones": " ".join(razones)}
        )
