"""Demo images drawn with Pillow, so the demo never downloads anything."""

import hashlib
import shutil
import subprocess
import tempfile
import unicodedata
from io import BytesIO
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from reportlab.pdfgen import canvas
from wagtail.models import Collection
from wagtail.rich_text import RichText

from demo.home import hija, publicar
from media_library.models import (
    Documento,
    GaleriaPage,
    Imagen,
    Musica,
    TrabajoVideo,
    VideoIndexPage,
    VideoPage,
)
from media_library.pipeline import encolar


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


def cargar_galeria(inicio, areas):
    """The public photo gallery, and one media collection per área."""
    raiz = Collection.get_first_root_node()
    for area in areas.values():
        if not raiz.get_children().filter(name=area.nombre).exists():
            raiz.add_child(name=area.nombre)
    galeria, _ = hija(
        inicio,
        GaleriaPage,
        "fotografias",
        title="Fotografías",
        show_in_menus=True,
        intro=RichText(
            "<p>Fotografías de las actividades del CETEC, con su crédito y licencia."
            "</p>"
        ),
    )
    return galeria


def _comprobante_de_licencia():
    """A one-page PDF standing for the licence certificate of the demo track."""
    existente = Documento.objects.filter(title="Licencia de «Amanecer en Saltillo»")
    if existente.exists():
        return existente.get()
    salida = BytesIO()
    hoja = canvas.Canvas(salida)
    hoja.drawString(72, 720, "Certificado de licencia libre de regalías")
    hoja.drawString(72, 700, "Pista: Amanecer en Saltillo — Autor: Colectivo Sonoro")
    hoja.drawString(72, 680, "Licencia: Creative Commons BY 4.0")
    hoja.save()
    documento = Documento(
        title="Licencia de «Amanecer en Saltillo»",
        credito="Colectivo Sonoro",
        licencia="CC BY 4.0",
    )
    documento.file.save("licencia-amanecer.pdf", ContentFile(salida.getvalue()))
    return documento


def cargar_video(seccion, areas):
    """One published video, drawn with ffmpeg from a demo photo (if ffmpeg exists).

    Publishing queues its final renditions; the worker started by ``make run``
    makes them within a minute.
    """
    if shutil.which("ffmpeg") is None or seccion.get_children().exists():
        return None
    musica, _ = Musica.objects.get_or_create(
        pista="Amanecer en Saltillo",
        defaults={
            "autor": "Colectivo Sonoro",
            "licencia": "Creative Commons BY 4.0",
            "comprobante": _comprobante_de_licencia(),
        },
    )
    with tempfile.TemporaryDirectory() as carpeta:
        foto = Path(carpeta) / "foto.png"
        foto.write_bytes(dibujar_foto("Recorrido por el Plantel Torreón", 1280, 720))
        salida = Path(carpeta) / "recorrido.mp4"
        subprocess.run(
            [
                "ffmpeg", "-y", "-v", "error",
                "-loop", "1", "-framerate", "30", "-i", str(foto),
                "-f", "lavfi", "-i", "sine=frequency=330:duration=6",
                "-vf", "scale=1280:720,format=yuv420p",
                "-t", "6", "-c:v", "libx264", "-preset", "veryfast",
                "-c:a", "aac", "-shortest", str(salida),
            ],
            check=True,
        )  # fmt: skip
        video = VideoPage(
            title="Recorrido por los talleres del Plantel Torreón",
            slug="recorrido-plantel-torreon",
            tipo="visita",
            descripcion=(
                "Conoce los talleres de mecatrónica, soldadura y electricidad del "
                "Plantel Torreón, renovados este año."
            ),
            voz_en_off="Mariana López, Comunicación Social",
            musica=musica,
            transcripcion="Bienvenidos al Plantel Torreón del CETEC.",
            area=areas.get("plantel-torreon"),
            duracion=6,
            ancho=1280,
            alto=720,
            codec="h264",
            contenedor="mov,mp4,m4a,3gp,3g2,mj2",
            subtitulos=ContentFile(
                "WEBVTT\n\n00:00.000 --> 00:06.000\n"
                "Bienvenidos al Plantel Torreón del CETEC.\n".encode(),
                name="recorrido.vtt",
            ),
        )
        with open(salida, "rb") as archivo:
            video.archivo_maestro.save("recorrido.mp4", File(archivo), save=False)
        seccion.add_child(instance=video)
    publicar(video)
    encolar(video, TrabajoVideo.VISTA_PREVIA)  # its poster frame
    return video
