"""Publishing, unpublishing, moving and editing snippets: new version, then purge."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.models import VersionDelContenido

from .purgas import activo, lote_de, purgar, todo_el_sitio


def al_mover(sender, instance, **kwargs):
    """A moved page changes menus and listings."""
    VersionDelContenido.avanzar()


def al_publicar_o_retirar(sender, instance, **kwargs):
    """page_published / page_unpublished (takedowns and corrections included)."""
    VersionDelContenido.avanzar()
    if activo():
        urls = lote_de(instance).urls
        transaction.on_commit(lambda: purgar(urls))


def al_cambiar_fragmento(sender, instance, **kwargs):
    """A snippet or site setting may show on any page (footer, agenda, contacts)."""
    if sender not in get_snippet_models() and not issubclass(sender, BaseSiteSetting):
        return
    VersionDelContenido.avanzar()
    if activo():
        urls = todo_el_sitio()
        transaction.on_commit(lambda: purgar(urls))


def conectar():
    """Connect the receivers; called once from ``CmsConfig.ready``."""
    page_published.connect(al_publicar_o_retirar, dispatch_uid="cache_publicar")
    page_unpublished.connect(al_publicar_o_retirar, dispatch_uid="cache_retirar")
    post_save.connect(al_cambiar_fragmento, dispatch_uid="cache_fragmento_guardado")
    post_delete.connect(al_cambiar_fragmento, dispatch_uid="cache_fragmento_borrado")
    post_page_move.connect(al_mover, dispatch_uid="cache_mover")
