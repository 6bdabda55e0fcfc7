"""The síntesis informativa in the institution's format, drawn with ReportLab.

A cover with the date and the institution, an index with page numbers (ReportLab's
table of contents, built in two passes), then one page per clipping, block by
block: outlet, date, section and page, the headline, the scan at a readable size
and the summary. Each scan is reduced once to a JPEG of at most
:data:`LADO_MAXIMO` pixels, so the passes copy bytes instead of decoding images.
"""

import tempfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.tableofcontents import TableOfContents

from .models.sintesis import fecha_en_letra, titulo_de

# About 190 dpi across the letter page's text width: a newspaper column reads well.
LADO_MAXIMO = 1600
ANCHO, ALTO = LETTER
MARGEN = 1.8 * cm


def _estilos(color):
    base = getSampleStyleSheet()
    return {
        "portada_institucion": ParagraphStyle(
            "portada_institucion",
            parent=base["Title"],
            fontSize=20,
            leading=24,
            spaceBefore=5 * cm,
        ),
        "portada_unidad": ParagraphStyle(
            "portada_unidad", parent=base["Normal"], alignment=1, textColor=color
        ),
        "portada_titulo": ParagraphStyle(
            "portada_titulo",
            parent=base["Title"],
            fontSize=28,
            leading=34,
            textColor=color,
            spaceBefore=2 * cm,
        ),
        "portada_fecha": ParagraphStyle(
            "portada_fecha", parent=base["Title"], fontSize=16, leading=20
        ),
        "nota": ParagraphStyle("nota", parent=base["Normal"], alignment=1, leading=14),
        "indice": ParagraphStyle("indice", parent=base["Heading1"], textColor=color),
        "bloque": ParagraphStyle(
            "bloque", parent=base["Heading2"], textColor=color, fontSize=12
        ),
        "ficha": ParagraphStyle(
            "ficha", parent=base["Normal"], fontSize=9, textColor=colors.grey
        ),
        "titular": ParagraphStyle(
            "titular", parent=base["Heading1"], fontSize=15, leading=19
        ),
        "texto": ParagraphStyle("texto", parent=base["Normal"], leading=14),
        "nivel0": ParagraphStyle(
            "nivel0", parent=base["Normal"], fontName="Helvetica-Bold", leading=16
        ),
        "nivel1": ParagraphStyle(
            "nivel1", parent=base["Normal"], leftIndent=0.6 * cm, leading=13
        ),
    }


class _Documento(BaseDocTemplate):
    """Pages with the institution's footer; headings feed the index."""

    def __init__(self, salida, pie, **kwargs):
        super().__init__(salida, pagesize=LETTER, **kwargs)
        self.pie = pie
        marco = Frame(MARGEN, MARGEN, ANCHO - 2 * MARGEN, ALTO - 2 * MARGEN, id="m")
        self.addPageTemplates([PageTemplate("pagina", [marco], onPage=self._pie)])

    def _pie(self, lienzo, documento):
        if documento.page == 1:
            return
        lienzo.saveState()
        lienzo.setFont("Helvetica", 8)
        lienzo.setFillColor(colors.grey)
        lienzo.drawString(MARGEN, MARGEN / 2, self.pie)
        lienzo.drawRightString(ANCHO - MARGEN, MARGEN / 2, str(documento.page))
        lienzo.restoreState()

    def afterFlowable(self, flowable):
        nivel = getattr(flowable, "nivel_del_indice", None)
        if nivel is not None:
            self.notify("TOCEntry", (nivel, flowable.texto_del_indice, self.page))


def _entrada(texto, estilo, nivel, en_indice):
    parrafo = Paragraph(escape(texto), estilo)
    parrafo.nivel_del_indice = nivel
    parrafo.texto_del_indice = escape(en_indice)
    return parrafo


def escaneo_legible(archivo, destino):
    """The scan as a JPEG file of at most LADO_MAXIMO px at ``destino``; its size.

    A JPEG already small enough is copied as it is. ReportLab reads a JPEG file
    lazily and copies its bytes into the PDF; given bytes in memory it keeps a
    decoded image per page (500 MB for 60 scans of 1 MP).
    """
    with archivo.open("rb") as origen, PILImage.open(origen) as imagen:
        if (
            imagen.format == "JPEG"
            and imagen.mode in ("RGB", "L")
            and max(imagen.size) <= LADO_MAXIMO
        ):
            origen.seek(0)
            destino.write_bytes(origen.read())
            return imagen.size
        imagen.draft("RGB", (LADO_MAXIMO, LADO_MAXIMO))  # JPEG: decode reduced
        imagen = imagen.convert("RGB")
        imagen.thumbnail((LADO_MAXIMO, LADO_MAXIMO))
        imagen.save(destino, "JPEG", quality=80)
        return imagen.size


def _ficha(recorte):
    partes = [str(recorte.medio), recorte.fecha.strftime("%d/%m/%Y")]
    if recorte.seccion:
        partes.append(f"Sección {recorte.seccion}")
    if recorte.pagina:
        partes.append(f"Página {recorte.pagina}")
    if recorte.columnista:
        partes.append(recorte.columnista)
    return " · ".join(partes)


def sintesis_pdf(sintesis, institucion, avance=None):
    """The PDF bytes of ``sintesis``; ``avance(n, total)`` after each clipping."""
    with tempfile.TemporaryDirectory(prefix="sintesis-") as carpeta:
        return _componer(sintesis, institucion, avance, carpeta)


def _componer(sintesis, institucion, avance, carpeta):
    color = colors.HexColor(institucion.color_primario)
    estilos = _estilos(color)
    bloques = sintesis.recortes_por_bloque()
    total = sum(len(recortes) for _c, _n, recortes in bloques)
    ancho_util = ANCHO - 2 * MARGEN
    alto_imagen = ALTO - 2 * MARGEN - 7 * cm

    partes = [
        Paragraph(escape(institucion.nombre), estilos["portada_institucion"]),
        Paragraph(escape(institucion.unidad), estilos["portada_unidad"]),
        Paragraph("Síntesis Informativa", estilos["portada_titulo"]),
        Paragraph(escape(fecha_en_letra(sintesis.fecha)), estilos["portada_fecha"]),
    ]
    if sintesis.nota:
        partes += [Spacer(1, 1 * cm), Paragraph(escape(sintesis.nota), estilos["nota"])]
    indice = TableOfContents(
        levelStyles=[estilos["nivel0"], estilos["nivel1"]], dotsMinLevel=0
    )
    partes += [PageBreak(), Paragraph("Índice", estilos["indice"]), indice]

    hechos = 0
    for _clave, nombre, recortes in bloques:
        for n, recorte in enumerate(recortes):
            partes.append(PageBreak())
            if n == 0:
                partes.append(_entrada(str(nombre), estilos["bloque"], 0, str(nombre)))
            else:
                partes.append(Paragraph(escape(str(nombre)), estilos["bloque"]))
            partes.append(Paragraph(escape(_ficha(recorte)), estilos["ficha"]))
            partes.append(
                _entrada(
                    recorte.titular,
                    estilos["titular"],
                    1,
                    f"{recorte.medio}: {recorte.titular}",
                )
            )
            if recorte.imagen:
                ruta = Path(carpeta) / f"{hechos:04d}.jpg"
                w, h = escaneo_legible(recorte.imagen, ruta)
                escala = min(ancho_util / w, alto_imagen / h)
                partes.append(Image(str(ruta), width=w * escala, height=h * escala))
            if recorte.url:
                partes.append(Paragraph(escape(recorte.url), estilos["ficha"]))
            if recorte.extracto:
                partes.append(Paragraph(escape(recorte.extracto), estilos["texto"]))
            partes += [
                Spacer(1, 0.3 * cm),
                Paragraph(escape(recorte.resumen), estilos["texto"]),
            ]
            hechos += 1
            if avance:
                avance(hechos, total)

    salida = BytesIO()
    documento = _Documento(
        salida,
        pie=f"{institucion.nombre} · {titulo_de(sintesis.fecha)}",
        title=titulo_de(sintesis.fecha),
        author=institucion.nombre,
    )
    # Binary image streams: ReportLab's ASCII85 of each JPEG, in pure Python
    # without its C accelerator, took 1.5 s and 10 MB per 1-megapixel scan.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        documento.multiBuild(partes)
    finally:
        rl_config.useA85 = a85
    return salida.getvalue()
