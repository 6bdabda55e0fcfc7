"""The daily monitoring report in the institution's format, drawn with ReportLab.

The same approach as the boletín's PDF (``boletines/pdf.py``): the institution's
name and unit under a rule in its colour, then the content.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from home.templatetags.institucion_tags import fecha_larga


def _estilos(color):
    base = getSampleStyleSheet()
    return {
        "institucion": ParagraphStyle(
            "institucion", parent=base["Title"], fontSize=13, alignment=0
        ),
        "unidad": ParagraphStyle("unidad", parent=base["Normal"], textColor=color),
        "titulo": ParagraphStyle("titulo", parent=base["Heading1"], fontSize=15),
        "seccion": ParagraphStyle(
            "seccion", parent=base["Heading2"], textColor=color, fontSize=12
        ),
        "texto": ParagraphStyle("texto", parent=base["Normal"], leading=13),
    }


def _tabla(filas, color):
    tabla = Table(filas, repeatRows=1, hAlign="LEFT")
    tabla.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), color),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return tabla


def reporte_pdf(reporte, datos, institucion):
    """The PDF bytes of one day's report."""
    salida = BytesIO()
    color = colors.HexColor(institucion.color_primario)
    estilos = _estilos(color)
    texto = estilos["texto"]
    documento = SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        title=str(reporte),
        author=institucion.nombre,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
    )
    cabecera = Table(
        [
            [Paragraph(escape(institucion.nombre), estilos["institucion"])],
            [Paragraph(escape(institucion.unidad), estilos["unidad"])],
        ]
    )
    cabecera.setStyle(TableStyle([("LINEBELOW", (0, 1), (-1, 1), 1.5, color)]))
    partes = [
        cabecera,
        Spacer(1, 0.4 * cm),
        Paragraph(
            escape(f"Reporte de monitoreo del {fecha_larga(reporte.fecha)}"),
            estilos["titulo"],
        ),
        Paragraph(escape(f"Menciones registradas: {datos['total']}"), texto),
    ]
    if reporte.observaciones:
        partes.append(Paragraph(escape(reporte.observaciones), texto))
    partes += [Paragraph("Por tipo y sentimiento", estilos["seccion"])]
    filas = [["Tipo", "Menciones"], *[[n, str(c)] for n, c in datos["por_tipo"]]]
    filas += [["Sentimiento", ""], *[[n, str(c)] for n, c in datos["por_sentimiento"]]]
    partes.append(_tabla(filas, color))
    if datos["por_medio"]:
        partes += [Paragraph("Por medio", estilos["seccion"])]
        partes.append(
            _tabla(
                [["Medio", "Menciones"], *[[m, str(n)] for m, n in datos["por_medio"]]],
                color,
            )
        )
    partes += [Paragraph("Menciones destacadas", estilos["seccion"])]
    for m in datos["destacadas"]:
        partes.append(
            Paragraph(
                escape(
                    f"{m.publicada_en:%H:%M} · {m.medio or m.cuenta}: {m.texto[:400]}"
                ),
                texto,
            )
        )
    if not datos["destacadas"]:
        partes.append(Paragraph("Sin menciones destacadas.", texto))
    partes += [Paragraph("Quejas y sugerencias canalizadas", estilos["seccion"])]
    if datos["quejas"]:
        filas = [["Tipo", "Área", "Vence", "Estado"]]
        filas += [
            [
                m.get_tipo_display(),
                str(m.area or ""),
                m.vence.strftime("%d/%m/%Y") if m.vence else "",
                m.get_estado_display(),
            ]
            for m in datos["quejas"]
        ]
        partes.append(_tabla(filas, color))
    else:
        partes.append(Paragraph("No se canalizó ninguna.", texto))
    partes += [Paragraph("Cobertura de boletines", estilos["seccion"])]
    for boletin, recogidas in datos["boletines"]:
        medios = (
            ", ".join(str(m.medio or m.cuenta) for m in recogidas) or "sin recogidas"
        )
        partes.append(Paragraph(escape(f"{boletin.title}: {medios}"), texto))
    if not datos["boletines"]:
        partes.append(Paragraph("Sin boletines recientes.", texto))
    documento.build(partes)
    return salida.getvalue()
