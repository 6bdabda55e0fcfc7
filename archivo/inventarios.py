"""The four inventories of the Ley General de Archivos, as XLSX and PDF.

*General*: every record. *Transferencia primaria*: trámite period over, still in
the office (to the archivo de concentración). *Transferencia secundaria*:
concentración over, destined for historical conservation. *Baja documental*:
concentración over, destined for disposal. Records under hold never appear in a
transfer or disposal inventory: a hold freezes their disposition.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .hojas import fila_xlsx
from .models import Registro, SerieDocumental

TIPOS = {
    "general": gettext_lazy("Inventario general"),
    "primaria": gettext_lazy("Inventario de transferencia primaria"),
    "secundaria": gettext_lazy("Inventario de transferencia secundaria"),
    "baja": gettext_lazy("Inventario de baja documental"),
}


def registros_de(tipo, registros=None, hoy=None):
    """The records that belong in inventory ``tipo`` on ``hoy``."""
    hoy = hoy or timezone.localdate()
    registros = registros if registros is not None else Registro.objects.all()
    pendientes = registros.filter(disposicion="", reserva=False)
    if tipo == "primaria":
        registros = pendientes.filter(fin_tramite__lte=hoy, fin_concentracion__gt=hoy)
    elif tipo == "secundaria":
        registros = pendientes.filter(
            fin_concentracion__lte=hoy,
            serie__destino_final=SerieDocumental.HISTORICO,
        )
    elif tipo == "baja":
        registros = pendientes.filter(
            fin_concentracion__lte=hoy, serie__destino_final=SerieDocumental.BAJA
        )
    elif tipo != "general":
        raise ValueError(tipo)
    return registros.select_related("serie").order_by("serie__serie", "abierto", "pk")


def _fecha(valor):
    if valor is None:
        return ""
    if hasattr(valor, "tzinfo"):
        valor = timezone.localtime(valor).date()
    return valor.strftime("%d/%m/%Y")


COLUMNAS = [
    gettext_lazy("No."),
    gettext_lazy("Código de clasificación"),
    gettext_lazy("Serie"),
    gettext_lazy("Folio"),
    gettext_lazy("Descripción"),
    gettext_lazy("Fechas extremas"),
    gettext_lazy("Soporte"),
    gettext_lazy("Plazos (trámite + concentración)"),
    gettext_lazy("Destino final"),
    gettext_lazy("Ubicación"),
]


def filas(registros):
    """One row per record, numbered, streamed with ``iterator()``."""
    for n, registro in enumerate(registros.iterator(chunk_size=2000), start=1):
        serie = registro.serie
        yield [
            n,
            serie.codigo if serie else "",
            serie.nombre if serie else "",
            registro.folio,
            f"{registro.titulo} ({registro.tipo})",
            f"{_fecha(registro.abierto)} – {_fecha(registro.ultima_accion_en)}",
            serie.get_soporte_display() if serie else "",
            f"{serie.plazo_tramite} + {serie.plazo_concentracion}" if serie else "",
            serie.get_destino_final_display() if serie else "",
            serie.ubicacion if serie else "",
        ]


def _encabezado(tipo, institucion, total):
    return [
        getattr(institucion, "nombre", "") or "",
        getattr(institucion, "unidad", "") or "",
        str(TIPOS[tipo]),
        _("Elaborado el %(fecha)s · %(total)s registro(s)")
        % {"fecha": _fecha(timezone.localdate()), "total": total},
    ]


def inventario_xlsx(tipo, institucion, registros=None):
    """The inventory as XLSX bytes: the institution's header, then the table."""
    registros = registros_de(tipo, registros)
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(str(TIPOS[tipo])[:31])
    for linea in _encabezado(tipo, institucion, registros.count()):
        hoja.append([linea])
    hoja.append([])
    hoja.append([str(c) for c in COLUMNAS])
    for fila in filas(registros):
        hoja.append(fila_xlsx(hoja, fila))
    salida = BytesIO()
    libro.save(salida)
    return salida.getvalue()


def inventario_pdf(tipo, institucion, registros=None):
    """The inventory as PDF bytes (landscape letter), with signature lines."""
    registros = registros_de(tipo, registros)
    color = colors.HexColor(getattr(institucion, "color_primario", "#6a1b31"))
    base = getSampleStyleSheet()
    celda = ParagraphStyle("celda", parent=base["Normal"], fontSize=7, leading=8.5)
    nombre, unidad, titulo, elaborado = _encabezado(
        tipo, institucion, registros.count()
    )
    salida = BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=landscape(LETTER),
        title=titulo,
        author=nombre,
        leftMargin=1.2 * cm,
        rightMargin=1.2 * cm,
        topMargin=1.2 * cm,
        bottomMargin=1.2 * cm,
    )
    partes = [
        Paragraph(escape(nombre), base["Title"]),
        Paragraph(escape(unidad), ParagraphStyle("u", textColor=color)),
        Spacer(1, 0.2 * cm),
        Paragraph(escape(titulo), base["Heading2"]),
        Paragraph(escape(elaborado), base["Normal"]),
        Spacer(1, 0.3 * cm),
    ]
    datos = [[Paragraph(escape(str(c)), celda) for c in COLUMNAS]]
    datos += [
        [Paragraph(escape(str(v)), celda) for v in fila] for fila in filas(registros)
    ]
    tabla = Table(datos, repeatRows=1)
    tabla.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1, color),
            ]
        )
    )
    firmas = Table(
        [["", "", ""], [_("Elaboró"), _("Revisó"), _("Autorizó")]],
        colWidths=[7 * cm] * 3,
        rowHeights=[1.5 * cm, None],
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
    documento.build(partes + [tabla, Spacer(1, 0.8 * cm), firmas])
    return salida.getvalue()
