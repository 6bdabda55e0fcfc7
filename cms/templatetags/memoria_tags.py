"""``{% memoria "nombre" clave ... [ambito="sitio"] %}…{% endmemoria %}``: a fragment
kept until what it shows changes.

Like Django's ``{% cache %}``, keyed also on the versions of its scopes
(``cms.cache.memoria``): by default the page's own (``sitio``, ``pagina:<pk>``,
``seccion:<pk>`` of ``page``), or only ``sitio`` with ``ambito="sitio"`` (the
header and footer). A publication shows at the next request in every process;
previews and the archive's snapshots always render afresh
(``cms.cache.memoria.memoria_permitida``).
"""

import hashlib

from django import template

from cms.cache.memoria import ambitos_de_pagina, memorizar
from cms.models import SITIO

register = template.Library()


class MemoriaNode(template.Node):
    def __init__(self, nodelist, nombre, claves, ambito):
        self.nodelist = nodelist
        self.nombre = nombre
        self.claves = claves
        self.ambito = ambito

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        partes = [str(clave.resolve(context)) for clave in self.claves]
        resumen = hashlib.sha256("|".join(partes).encode()).hexdigest()[:32]
        page = context.get("page")
        ambitos = (
            ambitos_de_pagina(page)
            if self.ambito != SITIO and getattr(page, "pk", None)
            else [SITIO]
        )
        return memorizar(
            f"fragmento:{self.nombre.resolve(context)}:{resumen}",
            lambda: self.nodelist.render(context),
            request,
            ambitos,
        )


@register.tag
def memoria(parser, token):
    partes = token.split_contents()
    if len(partes) < 2:
        raise template.TemplateSyntaxError("{% memoria %} necesita un nombre.")
    ambito = "pagina"
    if partes[-1].startswith("ambito="):
        ambito = partes.pop()[len("ambito=") :].strip("\"'")
        if ambito not in (SITIO, "pagina"):
            raise template.TemplateSyntaxError(
                '{% memoria %}: el ámbito es "sitio" o "pagina".'
            )
    nodelist = parser.parse(("endmemoria",))
    parser.delete_first_token()
    return MemoriaNode(
        nodelist,
        parser.compile_filter(partes[1]),
        [parser.compile_filter(parte) for parte in partes[2:]],
        ambito,
    )
