"""Server-rendered SVG charts: bars of programmed against done, a trend line.

No script and no inline style: the admin's CSP holds, the chart prints as it
shows, and the data table beside it carries the same figures for screen readers.
Colours pass WCAG's 3:1 for graphics against white (programados #1d4f91, 8.6:1;
realizados #a84300, 5.6:1; the line #1a1a1a).
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

ANCHO, ALTO = 640, 240
IZQ, DER, ARRIBA, ABAJO = 44, 48, 16, 40
PROGRAMADOS, REALIZADOS, LINEA = "#1d4f91", "#a84300", "#1a1a1a"


def _tope(valor):
    """A round upper bound for the axis."""
    for tope in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if valor <= tope:
            return tope
    return int(valor * 1.1) + 1


def grafica(indicador, cifras, id_titulo):
    """The SVG of ``cifras`` (oldest first): two bars per period, ratio line."""
    ancho_util = ANCHO - IZQ - DER
    alto_util = ALTO - ARRIBA - ABAJO
    n = len(cifras)
    paso = ancho_util / max(n, 1)
    con_meta = any(c.programados is not None for c in cifras)
    maximo = _tope(
        max([c.realizados for c in cifras] + [c.programados or 0 for c in cifras] + [1])
    )
    razones = [c.razon for c in cifras if c.razon is not None]
    tope_razon = max(1.0, *razones) if razones else 1.0

    def y(valor):
        return ARRIBA + alto_util - alto_util * valor / maximo

    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafica" role="img" '
        f'viewBox="0 0 {ANCHO} {ALTO}" aria-labelledby="{id_titulo}">',
        f'<title id="{id_titulo}">{escape(indicador.nombre)}: '
        f"{escape(_('tendencia de 12 periodos'))}</title>",
    ]
    for k in range(5):
        valor = maximo * k / 4
        partes.append(
            f'<line x1="{IZQ}" x2="{ANCHO - DER}" y1="{y(valor):.1f}" '
            f'y2="{y(valor):.1f}" stroke="#c8c8c8" stroke-width="1"/>'
            f'<text x="{IZQ - 6}" y="{y(valor) + 4:.1f}" text-anchor="end" '
            f'font-size="11" fill="#1a1a1a">{valor:g}</text>'
        )
    barra = paso * (0.36 if con_meta else 0.6)
    puntos = []
    for i, cifra in enumerate(cifras):
        x0 = IZQ + i * paso + paso * 0.14
        if con_meta:
            programados = cifra.programados or 0
            partes.append(
                f'<rect x="{x0:.1f}" y="{y(programados):.1f}" width="{barra:.1f}" '
                f'height="{y(0) - y(programados):.1f}" fill="{PROGRAMADOS}">'
                f"<title>{escape(cifra.periodo.corto)}: "
                f"{escape(indicador.etiqueta_programados)} {programados}</title></rect>"
            )
            x1 = x0 + barra
        else:
            x1 = x0
        partes.append(
            f'<rect x="{x1:.1f}" y="{y(cifra.realizados):.1f}" width="{barra:.1f}" '
            f'height="{y(0) - y(cifra.realizados):.1f}" fill="{REALIZADOS}">'
            f"<title>{escape(cifra.periodo.corto)}: "
            f"{escape(indicador.etiqueta_realizados)} {cifra.realizados}</title></rect>"
        )
        centro = IZQ + i * paso + paso / 2
        partes.append(
            f'<text x="{centro:.1f}" y="{ALTO - ABAJO + 14}" text-anchor="middle" '
            f'font-size="10" fill="#1a1a1a">{escape(cifra.periodo.corto)}</text>'
        )
        if cifra.razon is not None:
            puntos.append(
                (centro, ARRIBA + alto_util - alto_util * cifra.razon / tope_razon)
            )
    if con_meta and puntos:
        trazo = " ".join(f"{px:.1f},{py:.1f}" for px, py in puntos)
        partes.append(
            f'<polyline points="{trazo}" fill="none" stroke="{LINEA}" '
            f'stroke-width="2" stroke-dasharray="6 3"/>'
        )
        partes += [
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{LINEA}"/>'
            for px, py in puntos
        ]
        partes.append(
            f'<text x="{ANCHO - DER + 6}" y="{ARRIBA + 4}" font-size="11" '
            f'fill="#1a1a1a">{round(100 * tope_razon)} %</text>'
            f'<text x="{ANCHO - DER + 6}" y="{ARRIBA + alto_util + 4}" '
            f'font-size="11" fill="#1a1a1a">0 %</text>'
        )
    # The legend, drawn in the chart so that it prints with it.
    leyenda = []
    if con_meta:
        leyenda.append((PROGRAMADOS, indicador.etiqueta_programados, "rect"))
    leyenda.append((REALIZADOS, indicador.etiqueta_realizados, "rect"))
    if con_meta:
        leyenda.append((LINEA, _("Realizados / programados (eje derecho)"), "line"))
    x = IZQ
    for color, texto, forma in leyenda:
        yl = ALTO - 12
        if forma == "rect":
            partes.append(
                f'<rect x="{x}" y="{yl - 9}" width="10" height="10" fill="{color}"/>'
            )
        else:
            partes.append(
                f'<line x1="{x}" x2="{x + 10}" y1="{yl - 4}" y2="{yl - 4}" '
                f'stroke="{color}" stroke-width="2" stroke-dasharray="4 2"/>'
            )
        partes.append(
            f'<text x="{x + 14}" y="{yl}" font-size="11" fill="#1a1a1a">'
            f"{escape(texto)}</text>"
        )
        x += 24 + 6.2 * len(str(texto))
    partes.append("</svg>")
    return mark_safe("".join(partes))  # every text above is escaped
