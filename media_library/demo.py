"""Demo images drawn with Pillow, so the demo never downloads anything."""

import hashlib
import unicodedata
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.rich_text import RichText

from home.demo import hija

from .models import Imagen, VideoIndexPage


def _color(texto, desplazamiento):
    digest = hashlib.sha256(f"{texto}{desplazamiento}".encode()).digest()
    return tuple(60 + b % 150 for b in digest[:3])


def _sin_acentos(texto):
    # Pillow's bundled font has no accented glyphs, and no system font is assumed.
    descompuesto = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def dibujar_foto(titulo, ancho=1200, alto=800):
    """A JPEG that looks like an illustrative photo: a gradient, shapes, a caption."""
    inicio, fin = _color(titulo, 0), _color(titulo, 1)
    lienzo = PillowImage.new("RGB", (ancho, alto))
    dibujo = ImageDraw.Draw(lienzo)
    for y in range(alto):
        t = y / alto
        dibujo.line(
            [(0, y), (ancho, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(inicio, fin, strict=True)),
        )
    for i in range(6):
        x = (i * 211 + len(titulo) * 37) % ancho
        r = 60 + (i * 47) % 140
        dibujo.ellipse(
            [x - r, alto // 2 - r, x + r, alto // 2 + r],
            outline=(255, 255, 255),
            width=4,
        )
    fuente = ImageFont.load_default(size=44)
    dibujo.rectangle([0, alto - 120, ancho, alto], fill=(0, 0, 0))
    dibujo.text((40, alto - 90), _sin_acentos(titulo)[:48], fill="white", font=fuente)
    salida = BytesIO()
    lienzo.save(salida, "JPEG", quality=82)
    return salida.getvalue()


def dibujar_logo(siglas, color="#6a1b31", lado=512):
    """A square PNG logo with the institution's initials."""
    lienzo = PillowImage.new("RGBA", (lado, lado), (255, 255, 255, 0))
    dibujo = ImageDraw.Draw(lienzo)
    dibujo.rounded_rectangle([0, 0, lado, lado], radius=lado // 8, fill=color)
    fuente = ImageFont.load_default(size=lado // 4)
    caja = dibujo.textbbox((0, 0), siglas, font=fuente)
    x = (lado - (caja[2] - caja[0])) / 2 - caja[0]
    y = (lado - (caja[3] - caja[1])) / 2 - caja[1]
    dibujo.text((x, y), siglas, fill="white", font=fuente)
    salida = BytesIO()
    lienzo.save(salida, "PNG")
    return salida.getvalue()


def logo_demo(siglas, color):
    """The demo institution's logo as an image of the library."""
    return imagen_demo(
        f"Logotipo {siglas}",
        dibujar_logo(siglas, color),
        f"logotipo-{siglas.lower()}.png",
        f"Logotipo del {siglas}",
    )


def imagen_demo(titulo, contenido, nombre_archivo, descripcion, credito=""):
    """The demo image called ``titulo``, created once."""
    existente = Imagen.objects.filter(title=titulo).first()
    if existente:
        return existente
    imagen = Imagen(title=titulo, description=descripcion, credito=credito)
    imagen.file = ImageFile(BytesIO(contenido), name=nombre_archivo)
    imagen.save()
    return imagen


def cargar_videoteca(inicio):
    """The videos section under ``inicio``."""
    seccion, _ = hija(
        inicio,
        VideoIndexPage,
        "videos",
        title="Videos",
        show_in_menus=True,
        intro=RichText("<p>Videos institucionales del CETEC.</p>"),
    )
    return seccion
