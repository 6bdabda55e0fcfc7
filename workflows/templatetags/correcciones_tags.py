"""The public correction note of a page republished after a takedown."""

from django import template

from ..models import Retiro

register = template.Library()


@register.inclusion_tag("workflows/includes/notas_de_correccion.html")
def notas_de_correccion(page):
    """Dated notes for every time ``page`` was taken down and republished."""
    if page is None or not getattr(page, "pk", None):
        return {"retiros": []}
    retiros = Retiro.objects.filter(page_id=page.pk).exclude(republicado_en=None)
    return {"retiros": retiros}
