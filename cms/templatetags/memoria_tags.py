"""``{% memoria "nombre" clave ... %}…{% endmemoria %}``: a fragment kept until the
public content changes.

Like Django's ``{% cache %}``, keyed also on the public content's version, so a
publication shows at the next request in every process; previews and the
archive's snapshots always render afresh (``cache_publico.memoria_permitida``).
"""

import hashlib

from django import template
from django.core.cache import cache

from cms.cache_publico import memoria_permitida, version_del_contenido

register = template.Library()
SEGUNDOS = 24 * 60 * 60


class MemoriaNode(template.Node):
    def __init__(self, nodelist, nombre, claves):
        self.nodelist = nodelist
        self.nombre = nombre
        self.claves = claves

    def render(self, context):
        request = context.get("request")
        if request is None or not memoria_permitida(request):
            return self.nodelist.render(context)
        partes = [str(clave.resolve(context)) for clave in self.claves]
        resumen = hashlib.sha256("|".join(partes).encode()).hexdigest()[:32]
        nombre = self.nombre.resolve(context)
        clave = f"contenido:{version_del_contenido(request)}:{nombre}:{resumen}"
        html = cache.get(clave)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(clave, html, SEGUNDOS)
        return html


@register.tag
def memoria(parser, token):
    partes = token.split_contents()
    if len(partes) < 2:
        raise template.TemplateSyntaxError("{% memoria %} necesita un nombre.")
    nodelist = parser.parse(("endmemoria",))
    parser.delete_first_token()
    return MemoriaNode(
        nodelist,
        parser.compile_filter(partes[1]),
        [parser.compile_filter(parte) for parte in partes[2:]],
    )
