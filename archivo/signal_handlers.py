"""Keeping records in step with publication, takedowns and corrections.

Each handler is idempotent. They run inside Wagtail's publish transaction, after
the folio is allocated (``boletines`` connects first: it comes first in
``INSTALLED_APPS``). :func:`conectar` wires them all, from ``ArchivoConfig.ready()``.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context
from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished

from workflows.correcciones import REPUBLICAR, RETIRAR

from . import documents
from .models import Registro
from .publicacion import registrar_accion, registrar_publicacion
from .registry import borrado_de_registrable, registrable
from .resguardo import al_borrar


def al_publicar(sender, instance, revision=None, **kwargs):
    """``page_published``: the live item's record and this revision's snapshot."""
    # Wagtail also signals an approved embargoed revision that is not live yet;
    # it becomes a record when it goes live (the scheduler signals again).
    if registrable(instance) is None or not instance.live:
        return
    registrar_publicacion(instance, revision)


def al_despublicar(sender, instance, **kwargs):
    """``page_unpublished``: noted on the item's record."""
    if registrable(instance) is None:
        return
    registrar_accion(instance, _("Despublicado"), get_active_log_context().user or None)


def al_registrar_en_bitacora(sender, instance, created, **kwargs):
    """The correction chain lives in the audit log; mirror it on the record."""
    if not created or instance.action not in (RETIRAR, REPUBLICAR):
        return
    pagina = instance.page.specific if instance.page_id else None
    if pagina is None or registrable(pagina) is None:
        return
    motivo = instance.data.get("motivo", "")
    if instance.action == RETIRAR:
        texto = _("Retirado por error: %(motivo)s") % {"motivo": motivo}
    else:
        texto = _("Republicado corregido (retiro n.º %(retiro)s): %(motivo)s") % {
            "retiro": instance.data.get("retiro", ""),
            "motivo": motivo,
        }
    registrar_accion(pagina, texto, instance.user)


def al_guardar_registro(sender, instance, **kwargs):
    """A saved record is indexed after the commit, when Elasticsearch is set."""
    if documents.activo():
        transaction.on_commit(lambda: documents.indexar(instance.pk))


def conectar():
    """Connect every handler (``dispatch_uid`` keeps it idempotent)."""
    page_published.connect(al_publicar, dispatch_uid="archivo_publicar")
    page_unpublished.connect(al_despublicar, dispatch_uid="archivo_despublicar")
    post_save.connect(
        al_registrar_en_bitacora, sender=PageLogEntry, dispatch_uid="archivo_bitacora"
    )
    post_save.connect(
        al_guardar_registro, sender=Registro, dispatch_uid="archivo_indice"
    )
    borrado_de_registrable.connect(al_borrar, dispatch_uid="archivo_resguardo")
