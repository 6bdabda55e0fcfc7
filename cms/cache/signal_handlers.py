"""Publishing, unpublishing, moving and editing snippets: new versions, then purge.

A publication moves only the scopes it touches (``cms.cache.memoria``): the page
itself (``pagina:<pk>``), every section above it (``seccion:<pk>``: its listing,
the home page's latest items) and its parent's children (``hijos:<pk>``: the
menu, when the parent is the home page). A page with children also
moves ``sitio``: its slug is in its descendants' addresses. Moves, snippets, site
settings, sites and view restrictions move ``sitio``: they may show anywhere.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.models import SITIO, VersionDelContenido

from .memoria import hijos, pagina, seccion
from .purgas import activo, lote_de, purgar, todo_el_sitio


def ambitos_de_una_publicacion(page):
    """The scopes that publishing or taking down ``page`` changes: itself, every
    section above it, and its parent's children (the parent's menu)."""
    prefijos = [
        page.path[:n] for n in range(Page.steplen * 2, len(page.path), Page.steplen)
    ]
    ancestros = dict(Page.objects.filter(path__in=prefijos).values_list("path", "pk"))
    ambitos = [pagina(page.pk), *(seccion(pk) for pk in ancestros.values())]
    padre = ancestros.get(page.path[: -Page.steplen])
    if padre:
        ambitos.append(hijos(padre))
    if page.numchild:
        ambitos.append(SITIO)
    return ambitos


def al_mover(sender, instance, **kwargs):
    """A moved page changes menus, listings and addresses."""
    VersionDelContenido.avanzar(SITIO)


def al_publicar_o_retirar(sender, instance, **kwargs):
    """page_published / page_unpublished (takedowns and corrections included)."""
    VersionDelContenido.avanzar(*ambitos_de_una_publicacion(instance))
    if activo():
        urls = lote_de(instance).urls
        transaction.on_commit(lambda: purgar(urls))


def _afecta_a_todo_el_sitio(sender):
    return sender in get_snippet_models() or issubclass(
        sender, (BaseSiteSetting, Site, PageViewRestriction)
    )


def al_cambiar_fragmento(sender, instance, **kwargs):
    """A snippet, site setting, site or view restriction may show on any page."""
    if not _afecta_a_todo_el_sitio(sender):
        return
    VersionDelContenido.avanzar(SITIO)
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
