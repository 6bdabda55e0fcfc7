"""The highlighted excerpt under each search result.

Words are compared folded and stemmed (``search/normalizacion.py``), so the
excerpt marks "Vacunación" for the query "vacunacion" as the index matched it.
"""

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

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


def _cadenas(valor):
    """Strings inside a StreamField's raw data, without rendering its blocks."""
    if isinstance(valor, str):
        yield valor
    elif isinstance(valor, dict):
        for v in valor.values():
            yield from _cadenas(v)
    elif isinstance(valor, list | tuple):
        for v in valor:
            yield from _cadenas(v)


def texto_de(pagina):
    """The plain text of a page, read from its own fields (no queries)."""
    partes = []
    for campo in CAMPOS_DE_TEXTO:
        valor = getattr(pagina, campo, None)
        if not valor:
            continue
        crudo = getattr(valor, "raw_data", None)
        if crudo is not None:
            valor = " ".join(_cadenas(list(crudo)))
        partes.append(strip_tags(str(valor)))
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
