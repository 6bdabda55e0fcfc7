"""What a change purges from the caching proxy, and sending the PURGE."""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Site

TODO_EL_SITIO = "/*"


def activo():
    """Whether a caching proxy is configured."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purgar(urls):
    """PURGE each URL now, on every configured proxy.

    Wagtail's own ``PurgeBatch.purge`` enqueues a task; the database task worker
    polls, which alone would exceed the sub-second target.
    """
    for backend in get_backends().values():
        backend.purge_batch(sorted(urls))


def lote_de(pagina):
    """The page, its section listing (with the section's feeds) and the home page."""
    lote = PurgeBatch()
    lote.add_page(pagina)
    padre = pagina.get_parent()
    if padre and padre.depth > 1:
        lote.add_page(padre.specific)
    for sitio in Site.objects.select_related("root_page"):
        if pagina.path.startswith(sitio.root_page.path):
            lote.add_page(sitio.root_page.specific)
    return lote


def todo_el_sitio():
    """One URL per site that the VCL reads as "everything under this host"."""
    return [s.root_url + TODO_EL_SITIO for s in Site.objects.all()]
