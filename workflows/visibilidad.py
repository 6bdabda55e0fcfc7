"""Which pages' admin titles a user may read: the ones they edit, and what is public.

Wagtail's page chooser and the dashboard would otherwise show every admin user the
titles of drafts and embargoed pages. Monitoreo, Archivo and the enlaces (outside
their campus) edit no page, so they see only live pages whose current title is the
published one: a draft that renames a live page stays hidden too.
"""

from django.db.models import F, Q
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

EDITAR = ["add", "change", "publish"]


def ve_todas(usuario):
    """Active superusers read every page's title."""
    return usuario.is_active and usuario.is_superuser


def paginas_editables(usuario):
    """The pages ``usuario`` may add under, edit or publish."""
    return page_permission_policy.instances_user_has_any_permission_for(usuario, EDITAR)


def paginas_visibles(usuario):
    """Pages whose admin title ``usuario`` may read."""
    publicas = Q(live=True, draft_title=F("title"))
    if ve_todas(usuario):
        return Page.objects.all()
    return Page.objects.filter(
        publicas | Q(pk__in=paginas_editables(usuario).values("pk"))
    )


def solo_visibles(paginas, usuario):
    """``paginas`` narrowed to the visible ones; a filter search backends accept.

    A list of ids, not a subquery: Elasticsearch filters by indexed values (``id``
    is a ``FilterField`` of ``Page``).
    """
    if ve_todas(usuario):
        return paginas
    ids = list(paginas_visibles(usuario).values_list("pk", flat=True))
    return paginas.filter(id__in=ids)
