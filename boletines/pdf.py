"""The boletín in the institution's printable format, drawn with ReportLab."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils.html import strip_tags
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from home.templatetags.institucion_tags import fecha_larga


def _estilos(color):
    base = getSampleStyleSheet()
    return {
        "institucion": ParagraphStyle(
            "institucion", parent=base["Title"], fontSize=13, alignment=0, leading=16
        ),
        "unidad": ParagraphStyle("unidad", parent=base["Normal"], textColor=color),
        "folio": ParagraphStyle(
            "folio", parent=base["Heading2"], textColor=color, spaceAfter=2
        ),
        "fecha": ParagraphStyle("fecha", parent=base["Normal"], fontSize=10),
        "titulo": ParagraphStyle(
            "titulo", parent=base["Title"], fontSize=17, leading=21
        ),
        "sumario": ParagraphStyle(
            "sumario", parent=base["Normal"], fontName="Helvetica-Bold", leading=15
        ),
        "texto": ParagraphStyle(
            "texto", parent=base["Normal"], alignment=TA_JUSTIFY, leading=15
        ),
        "pie": ParagraphStyle(
            "pie", parent=base["Normal"], fontSize=8, textColor=colors.grey
        ),
    }


def _imagen(imagen, ancho):
    rendicion = imagen.get_rendition("max-1200x900|format-jpeg")
    with rendicion.file.open("rb") as archivo:
        datos = BytesIO(archivo.read())
    alto = ancho * rendicion.height / rendicion.width
    return Image(datos, width=ancho, height=alto)


def _parrafos(boletin):
    for bloque in boletin.cuerpo:
        if bloque.block_type == "parrafo":
            yield "texto", strip_tags(str(bloque.value))
        elif bloque.block_type == "cita":
            autor = bloque.value.get("autor")
            yield (
                "texto",
                f"«{bloque.value['texto']}»" + (f" — {autor}" if autor else ""),
            )


def boletin_pdf(boletin, institucion):
    """The PDF bytes of ``boletin`` with the header of ``institucion``."""
    salida = BytesIO()
    documento = SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        title=f"{boletin.folio_texto} {boletin.title}".strip(),
        author=institucion.nombre,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
    )
    estilos = _estilos(colors.HexColor(institucion.color_primario))
    encabezado = [
        Paragraph(escape(institucion.nombre), estilos["institucion"]),
        Paragraph(escape(institucion.unidad), estilos["unidad"]),
    ]
    logo = _imagen(institucion.logo, 2.2 * cm) if institucion.logo else ""
    cabecera = Table([[logo, encabezado]], colWidths=[2.8 * cm, None])
    cabecera.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.5, estilos["unidad"].textColor),
            ]
        )
    )
    partes = [cabecera, Spacer(1, 0.4 * cm)]
    if boletin.folio_texto:
        partes.append(Paragraph(escape(boletin.folio_texto), estilos["folio"]))
    partes += [
        Paragraph(
            escape(f"{boletin.lugar}, a {fecha_larga(boletin.fecha)}"), estilos["fecha"]
        ),
        Spacer(1, 0.3 * cm),
        Paragraph(escape(boletin.title), estilos["titulo"]),
        Paragraph(escape(boletin.sumario), estilos["sumario"]),
        Spacer(1, 0.3 * cm),
    ]
    for estilo, texto in _parrafos(boletin):
        partes += [Paragraph(escape(texto), estilos[estilo]), Spacer(1, 0.2 * cm)]
    for foto in boletin.fotos.select_related("imagen"):
        partes += [Spacer(1, 0.3 * cm), _imagen(foto.imagen, 12 * cm)]
        credito = f" Foto: {foto.imagen.credito}" if foto.imagen.credito else ""
        partes.append(Paragraph(escape(f"{foto.pie}{credito}"), estilos["pie"]))
    persona = boletin.contacto
    contacto = "Contacto de prensa: " + " · ".join(
        filter(
            None,
            [
                persona.nombre if persona else institucion.unidad,
                persona.cargo if persona else "",
                (persona.telefono if persona else "") or institucion.telefono,
                (persona.correo if persona else "") or institucion.correo,
            ],
        )
    )
    partes += [Spacer(1, 0.6 * cm), Paragraph(escape(contacto), estilos["pie"])]
    documento.build(partes)
    return salida.getvalue()
