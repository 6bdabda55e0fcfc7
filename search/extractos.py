"""The highlighted excerpt under each search result.

Words are compared folded and stemmed (``search/normalizacion.py``), so the
excerpt marks "Vacunación" for the query "vacunacion" as the index matched it.
"""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock

from .normalizacion import PALABRA, plegar, raiz

# Fields that hold an item's readable text, in the order they are worth showing.
CAMPOS_DE_TEXTO = (
    "sumario",
    "objetivo",
    "descripcion",
    "presentacion",
    "cuerpo",
    "transcripcion",
    "search_description",
)
LARGO = 240


# Block-level tags end a sentence: "</p><p>" must read as a space, not glue words.
FIN_DE_BLOQUE = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|td|th)>|<br\s*/?>", re.I)
TEXTO_LIBRE = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def _cadenas(bloque, crudo):
    """The readable strings of a block's raw data, by its definition.

    Block names, ids, choices and chooser ids are not prose; a caption, a quote and
    a paragraph are. Read from the raw data, so no image or page is fetched.
    """
    if crudo is None:
        return
    if isinstance(bloque, blocks.StreamBlock):
        for hijo in crudo:
            definicion = bloque.child_blocks.get(hijo.get("type"))
            if definicion is not None:
                yield from _cadenas(definicion, hijo.get("value"))
    elif isinstance(bloque, blocks.ListBlock):
        for hijo in crudo:
            if isinstance(hijo, dict) and hijo.get("type") == "item":
                hijo = hijo.get("value")
            yield from _cadenas(bloque.child_block, hijo)
    elif isinstance(bloque, ImageBlock):
        return  # its alternative text describes the picture for screen readers
    elif isinstance(bloque, TableBlock):
        yield crudo.get("table_caption") or ""
        for fila in crudo.get("data") or []:
            yield from (celda for celda in fila or [] if isinstance(celda, str))
    elif isinstance(bloque, blocks.StructBlock):
        if not isinstance(crudo, dict):
            return
        for nombre, hijo in bloque.child_blocks.items():
            yield from _cadenas(hijo, crudo.get(nombre))
    elif isinstance(bloque, TEXTO_LIBRE) and isinstance(crudo, str):
        yield crudo


def _prosa(valor):
    """Markup out, entities decoded, blocks kept apart by a space."""
    return html.unescape(strip_tags(FIN_DE_BLOQUE.sub(" ", str(valor))))


def texto_de(pagina):
    """The plain text of a page, read from its own fields (no queries)."""
    partes = []
    for campo in CAMPOS_DE_TEXTO:
        valor = getattr(pagina, campo, None)
        if not valor:
            continue
        crudo = getattr(valor, "raw_data", None)
        if crudo is not None:
            valor = " ".join(_prosa(c) for c in _cadenas(valor.stream_block, crudo))
        partes.append(_prosa(valor))
    return " ".join(" ".join(partes).split())


def extracto(texto, consulta):
    """About ``LARGO`` characters of ``texto`` around the first matching word, with
    every matching word in ``<mark>``; HTML-escaped."""
    terminos = [plegar(t) for t in PALABRA.findall(consulta)]
    raices = {raiz(t) for t in terminos}

    vistas = {}

    def coincide(palabra):
        if palabra not in vistas:
            plegada = plegar(palabra)
            vistas[palabra] = raiz(plegada) in raices or any(
                len(t) > 2 and plegada.startswith(t) for t in terminos
            )
        return vistas[palabra]

    # Words past the excerpt's window are not looked at: a long body costs no more.
    coincidencias = []
    for m in PALABRA.finditer(texto):
        if coincidencias and m.start() > coincidencias[0].start() + LARGO:
            break
        if coincide(m.group()):
            coincidencias.append(m)
    inicio = 0
    if coincidencias and coincidencias[0].start() > LARGO // 3:
        inicio = texto.rfind(" ", 0, coincidencias[0].start() - LARGO // 3) + 1
    fin = min(len(texto), inicio + LARGO)
    if fin < len(texto):
        fin = texto.rfind(" ", inicio, fin) if " " in texto[inicio:fin] else fin
    partes, cursor = [], inicio
    for m in coincidencias:
        if m.start() < inicio or m.end() > fin:
            continue
        partes.append(escape(texto[cursor : m.start()]))
        partes.append(f"<mark>{escape(m.group())}</mark>")
        cursor = m.end()
    partes.append(escape(texto[cursor:fin]))
    prefijo = "… " if inicio > 0 else ""
    sufijo = " …" if fin < len(texto) else ""
    return mark_safe(prefijo + "".join(partes) + sufijo)
