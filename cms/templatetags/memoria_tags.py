"""``{% memoria "nombre" clave ... %}…{% endmemoria %}``: a fragment kept until the
public content changes.

Like Django's ``{% cache %}``, keyed also on the public content's version, so a
publication shows at the next request in every process; previews and the
archive's snapshots always render afresh (``cms.cache.memoria.memoria_permitida``).
"""

import hashlib

from django import template

from cms.cache.memoria import memorizar

register = template.Library()


class MemoriaNode(template.Node):
    def __init__(self, nodelist, nombre, claves):
        self.nodelist = nodelist
        self.nombre = nombre
        self.claves = claves

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        partes = [str(clave.resolve(context)) for clave in self.claves]
        resumen = hashlib.sha256("|".join(partes).encode()).hexdigest()[:32]
        return memorizar(
            f"fragmento:{self.nombre.resolve(context)}:{resumen}",
            lambda: self.nodelist.render(context),
            request,
        )


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
