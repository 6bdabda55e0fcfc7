"""Template tags for the institutional theme."""

from django import template
from django.utils.formats import date_format
from wagtail.models import Site

from cms.cache.memoria import hijos, memorizar

register = template.Library()


@register.simple_tag(takes_context=True)
def secciones_menu(context):
    """The home page's live children shown in menus: the header navigation."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return memorizar(
        f"menu:{site.pk}",
        lambda: list(site.root_page.get_children().live().in_menu()),
        request,
        [hijos(site.root_page_id)],
        proceso=True,
    )


@register.filter
def fecha_larga(fecha):
    """``22 de noviembre de 2026``: Spanish writes month names in lower case."""
    if not fecha:
        return ""
    return date_format(fecha, r"j \d\e F \d\e Y").lower()
