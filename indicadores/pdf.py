"""The «Informe mensual de indicadores» in the institution's format (ReportLab),
as the monitoring report and the inventories draw theirs: the institution's name
and unit under a rule in its colour, a table per indicator, signature lines."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)


def _valor(valor):
    return "—" if valor is None else str(valor)


def informe_pdf(periodo, indicadores, institucion):
    """The PDF bytes of ``periodo``'s report over ``indicadores``."""
    color = colors.HexColor(getattr(institucion, "color_primario", "") or "#6a1b31")
    base = getSampleStyleSheet()
    normal = ParagraphStyle("n", parent=base["Normal"], fontSize=9, leading=11)
    nota = ParagraphStyle("nota", parent=normal, fontSize=7.5, textColor=colors.grey)
    titulo = _("Informe mensual de indicadores")
    salida = BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        title=f"{titulo} — {periodo}",
        author=getattr(institucion, "nombre", "") or "",
        leftMargin=1.8 * cm,
        rightMargin=1.8 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
    )
    partes = [
        Paragraph(escape(getattr(institucion, "nombre", "") or ""), base["Title"]),
        Paragraph(
            escape(getattr(institucion, "unidad", "") or ""),
            ParagraphStyle("u", parent=normal, textColor=color),
        ),
        Spacer(1, 0.3 * cm),
        Paragraph(escape(f"{titulo}: {periodo}"), base["Heading2"]),
        Paragraph(
            escape(
                _("Elaborado el %(fecha)s")
                % {"fecha": timezone.localdate().strftime("%d/%m/%Y")}
            ),
            normal,
        ),
        Spacer(1, 0.4 * cm),
    ]
    for indicador in indicadores:
        cifras = indicador.tendencia(periodo, 3)
        encabezado = [
            _("Periodo"),
            str(indicador.etiqueta_programados),
            str(indicador.etiqueta_realizados),
            _("Realizados / programados"),
        ]
        filas = [encabezado] + [
            [
                str(c.periodo),
                _valor(c.programados),
                _valor(c.realizados),
                c.porcentaje,
            ]
            for c in reversed(cifras)
        ]
        filas += [[str(e), _valor(v), "", ""] for e, v in indicador.extras(periodo)]
        tabla = Table(filas, colWidths=[6 * cm, 3.6 * cm, 3.6 * cm, 4.4 * cm])
        tabla.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), color),
                    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("FONTNAME", (0, 1), (-1, 1), "Helvetica-Bold"),
                ]
            )
        )
        partes.append(
            KeepTogether(
                [
                    Paragraph(
                        escape(str(indicador.nombre)),
                        ParagraphStyle("h", parent=base["Heading4"], textColor=color),
                    ),
                    Paragraph(escape(str(indicador.manual)), nota),
                    tabla,
                    Paragraph(escape(str(indicador.definicion)), nota),
                    Spacer(1, 0.35 * cm),
                ]
            )
        )
    firmas = Table(
        [["", "", ""], [_("Elaboró"), _("Revisó"), _("Autorizó (Titular)")]],
        colWidths=[5.6 * cm] * 3,
        rowHeights=[1.6 * cm, None],
    )
    firmas.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 1), (0, 1), 0.5, colors.black),
                ("LINEABOVE", (1, 1), (1, 1), 0.5, colors.black),
                ("LINEABOVE", (2, 1), (2, 1), 0.5, colors.black),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    partes += [Spacer(1, 0.6 * cm), KeepTogether([firmas])]
    documento.build(partes)
    return salida.getvalue()
