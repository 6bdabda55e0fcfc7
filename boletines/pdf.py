"""The boletín in the institution's printable format, drawn with ReportLab."""

import datetime
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


def _cabecera(institucion, estilos):
    """The institution's logo and name, underlined in its colour."""
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
    return cabecera


def _documento(salida, titulo, institucion):
    return SimpleDocTemplate(
        salida,
        pagesize=LETTER,
        title=titulo,
        author=institucion.nombre,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
    )


def boletin_pdf(boletin, institucion):
    """The PDF bytes of ``boletin`` with the header of ``institucion``."""
    salida = BytesIO()
    titulo = f"{boletin.folio_texto} {boletin.title}".strip()
    documento = _documento(salida, titulo, institucion)
    estilos = _estilos(colors.HexColor(institucion.color_primario))
    partes = [_cabecera(institucion, estilos), Spacer(1, 0.4 * cm)]
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


def titulo_agenda(lunes):
    """ "Agenda semanal del 23 al 29 de noviembre de 2026"."""
    domingo = lunes + datetime.timedelta(days=6)
    return (
        f"Agenda semanal del {lunes.day} al {fecha_larga(domingo)}"
        if (lunes.month == domingo.month)
        else f"Agenda semanal del {fecha_larga(lunes)} al {fecha_larga(domingo)}"
    )


def agenda_pdf(lunes, eventos, institucion):
    """The PDF bytes of the week's public agenda."""
    salida = BytesIO()
    titulo = titulo_agenda(lunes)
    documento = _documento(salida, titulo, institucion)
    estilos = _estilos(colors.HexColor(institucion.color_primario))
    partes = [
        _cabecera(institucion, estilos),
        Spacer(1, 0.4 * cm),
        Paragraph(escape(titulo), estilos["titulo"]),
        Spacer(1, 0.3 * cm),
    ]
    filas = [["Día y hora", "Evento", "Lugar"]]
    for evento in eventos:
        detalle = escape(evento.titulo) + (
            f"<br/><font size=8>{escape(evento.descripcion)}</font>"
            if evento.descripcion
            else ""
        )
        filas.append(
            [
                Paragraph(
                    escape(f"{fecha_larga(evento.fecha)}, {evento.hora:%H:%M} h"),
                    estilos["fecha"],
                ),
                Paragraph(detalle, estilos["texto"]),
                Paragraph(escape(evento.lugar), estilos["fecha"]),
            ]
        )
    if len(filas) == 1:
        partes.append(
            Paragraph("No hay eventos públicos esta semana.", estilos["texto"])
        )
    else:
        tabla = Table(filas, colWidths=[4.2 * cm, None, 4.2 * cm], repeatRows=1)
        tabla.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.lightgrey),
                ]
            )
        )
        partes.append(tabla)
    documento.build(partes)
    return salida.getvalue()
