"""What a shared link shows: Open Graph, Twitter card and NewsArticle JSON-LD."""

import json
from urllib.parse import quote

from django import template
from django.utils.safestring import mark_safe

from home.models import InstitucionSettings

register = template.Library()

ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.inclusion_tag("boletines/includes/metadatos.html", takes_context=True)
def metadatos_para_compartir(context, page):
    request = context["request"]
    # The page's ``fotos`` prefetches the photos with their renditions into the
    # page, so the link preview and the article below share three queries.
    bool(context.get("fotos"))
    foto = page.foto_principal
    imagen = (
        request.build_absolute_uri(
            foto.imagen.get_rendition("fill-1200x630|format-jpeg").url
        )
        if foto
        else ""
    )
    datos = json.dumps(page.datos_estructurados(request), ensure_ascii=False)
    return {
        "page": page,
        "url": page.get_full_url(request),
        "sitio": InstitucionSettings.for_request(request).nombre,
        "imagen": imagen,
        "alt": foto.imagen.alt if foto else "",
        "json_ld": mark_safe(datos.translate(ESCAPES)),
    }


@register.simple_tag(takes_context=True)
def enlaces_para_compartir(context, page):
    """Plain links to each network's share address: no third-party script runs."""
    url = page.get_full_url(context["request"])
    texto = page.title
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quote(url)}"),
        ("X", f"https://x.com/intent/post?url={quote(url)}&text={quote(texto)}"),
        ("WhatsApp", f"https://wa.me/?text={quote(f'{texto} {url}')}"),
        ("Correo", f"mailto:?subject={quote(texto)}&body={quote(url)}"),
    ]
