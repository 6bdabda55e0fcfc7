"""Demo images drawn with Pillow, so the demo never downloads anything."""

import hashlib
import random
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import datetime, time, timedelta
from io import BytesIO
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter, ImageFont
from reportlab.pdfgen import canvas
from wagtail.models import Collection
from wagtail.rich_text import RichText

from demo.home import hija, publicar
from media_library.models import (
    Documento,
    GaleriaPage,
    Imagen,
    Musica,
    ProgramaVideo,
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


def _persona(dibujo, x, y, escala, color):
    """A silhouette from the waist up: head, neck and shoulders, seen from behind."""
    cabeza = 22 * escala
    dibujo.ellipse([x - cabeza, y - 2 * cabeza, x + cabeza, y], fill=color)
    hombros = 52 * escala
    dibujo.rounded_rectangle(
        [x - hombros, y - 4 * escala, x + hombros, y + 120 * escala],
        radius=int(30 * escala),
        fill=color,
    )


def _pancarta(dibujo, caja, texto, color, fuente):
    dibujo.rectangle(caja, fill=color)
    x0, y0, x1, y1 = caja
    dibujo.rectangle([x0, y1 - 14, x1, y1], fill=(188, 149, 92))
    ancho = dibujo.textlength(texto, font=fuente)
    dibujo.text((x0 + (x1 - x0 - ancho) / 2, y0 + 24), texto, fill="white", font=fuente)


def dibujar_foto(titulo, ancho=1200, alto=800):
    """A JPEG that reads as a photo of an institutional event, drawn with Pillow.

    An auditorium (a stage with the institution's banner, a speaker at the lectern,
    the audience's backs) or an open-air ceremony (sky, a building, the flag, a
    group of people), chosen and varied by the title so each photo differs.
    """
    azar = random.Random(hashlib.sha256(titulo.encode()).digest())
    lienzo = PillowImage.new("RGB", (ancho, alto))
    dibujo = ImageDraw.Draw(lienzo)
    guinda = (106, 27, 49)
    fuente = ImageFont.load_default(size=max(24, ancho // 26))
    pequena = ImageFont.load_default(size=max(16, ancho // 48))
    leyenda = _sin_acentos(titulo).upper()
    if len(leyenda) > 34:
        leyenda = leyenda[:34].rsplit(" ", 1)[0]
    exterior = azar.random() < 0.4
    horizonte = int(alto * (0.62 if exterior else 0.58))
    for y in range(alto):
        t = y / alto
        if exterior:
            arriba, abajo = (118, 170, 222), (206, 226, 240)
            if y > horizonte:
                arriba, abajo = (168, 160, 150), (120, 112, 104)
        else:
            arriba, abajo = (58, 48, 46), (110, 92, 80)
            if y > horizonte:
                arriba, abajo = (60, 44, 38), (30, 24, 22)
        color = tuple(int(a + (b - a) * t) for a, b in zip(arriba, abajo, strict=True))
        dibujo.line([(0, y), (ancho, y)], fill=color)
    if exterior:
        # A building with windows, the flagpole and a banner on the façade.
        edificio = [int(ancho * 0.08), int(alto * 0.22), int(ancho * 0.92), horizonte]
        dibujo.rectangle(edificio, fill=(214, 200, 178))
        for fila in range(3):
            for columna in range(9):
                x = edificio[0] + 40 + columna * (edificio[2] - edificio[0] - 80) // 9
                y = edificio[1] + 30 + fila * 70
                dibujo.rectangle([x, y, x + 40, y + 44], fill=(92, 112, 130))
        _pancarta(
            dibujo,
            [int(ancho * 0.25), edificio[1] - 10, int(ancho * 0.75), edificio[1] + 90],
            "CETEC COAHUILA",
            guinda,
            fuente,
        )
        asta = int(ancho * (0.12 + azar.random() * 0.05))
        dibujo.rectangle(
            [asta, int(alto * 0.06), asta + 6, horizonte], fill=(90, 90, 90)
        )
        for i, color in enumerate([(0, 104, 71), (255, 255, 255), (206, 17, 38)]):
            x = asta + 6 + i * 40
            dibujo.rectangle(
                [x, int(alto * 0.07), x + 40, int(alto * 0.17)], fill=color
            )
        grupo = azar.randint(9, 14)
        for i in range(grupo):
            x = int(ancho * 0.1 + i * ancho * 0.8 / grupo + azar.randint(-10, 10))
            tono = azar.choice(
                [(40, 44, 60), (120, 30, 40), (230, 230, 226), (60, 70, 58)]
            )
            _persona(dibujo, x, horizonte + 40 + azar.randint(-8, 8), 0.9, tono)
    else:
        # The stage, the banner behind it, the lectern and the speaker.
        escenario = [int(ancho * 0.05), int(alto * 0.46), int(ancho * 0.95), horizonte]
        _pancarta(
            dibujo,
            [int(ancho * 0.12), int(alto * 0.08), int(ancho * 0.88), int(alto * 0.34)],
            leyenda,
            guinda,
            fuente,
        )
        dibujo.text(
            (int(ancho * 0.14), int(alto * 0.27)),
            "Coordinacion de Comunicacion Social",
            fill=(240, 226, 200),
            font=pequena,
        )
        dibujo.rectangle(escenario, fill=(84, 60, 44))
        dibujo.rectangle(
            [escenario[0], escenario[3] - 16, escenario[2], escenario[3]],
            fill=(50, 36, 28),
        )
        orador = int(ancho * (0.35 + azar.random() * 0.3))
        _persona(dibujo, orador, int(alto * 0.44), 0.7, (30, 30, 36))
        dibujo.polygon(
            [
                (orador - 50, int(alto * 0.43)),
                (orador + 50, int(alto * 0.43)),
                (orador + 40, escenario[3]),
                (orador - 40, escenario[3]),
            ],
            fill=(140, 104, 70),
        )
        for lado in (0.18, 0.82):
            x = int(ancho * lado)
            _persona(dibujo, x, int(alto * 0.42), 0.6, (46, 40, 44))
        # Spotlight on the lectern.
        luz = PillowImage.new("L", (ancho, alto), 0)
        ImageDraw.Draw(luz).ellipse(
            [orador - 260, int(alto * 0.05), orador + 260, horizonte + 40], fill=70
        )
        lienzo.paste((255, 240, 210), mask=luz.filter(ImageFilter.GaussianBlur(80)))
        dibujo = ImageDraw.Draw(lienzo)
        # The audience's backs, in three rows.
        for fila, (y, escala) in enumerate([(0.74, 0.9), (0.84, 1.1), (0.95, 1.35)]):
            n = 9 - fila * 2
            for i in range(n):
                x = int((i + 0.5 + azar.uniform(-0.2, 0.2)) * ancho / n)
                base = 28 + fila * 8
                tono = tuple(base + azar.randint(0, 26) for _ in range(3))
                _persona(dibujo, x, int(alto * y), escala, tono)
    lienzo = lienzo.filter(ImageFilter.GaussianBlur(1.2))
    salida = BytesIO()
    lienzo.save(salida, "JPEG", quality=80, optimize=True, progressive=True)
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


def dibujar_escudo(lado=512):
    """The state government's demo logo: a shield in the flag's colours, no text."""
    lienzo = PillowImage.new("RGBA", (lado, lado), (255, 255, 255, 0))
    dibujo = ImageDraw.Draw(lienzo)
    m = lado // 10
    contorno = [
        (m, m),
        (lado - m, m),
        (lado - m, lado // 2),
        (lado // 2, lado - m),
        (m, lado // 2),
    ]
    dibujo.polygon(contorno, fill=(255, 255, 255))
    tercio = (lado - 2 * m) // 3
    for i, color in enumerate([(0, 104, 71), (255, 255, 255), (206, 17, 38)]):
        x = m + i * tercio + 16
        dibujo.rectangle([x, m + 16, x + tercio - 10, lado // 2], fill=color)
    dibujo.line(contorno + [contorno[0]], fill=(188, 149, 92), width=lado // 28)
    dibujo.ellipse(
        [
            lado // 2 - lado // 9,
            lado // 2,
            lado // 2 + lado // 9,
            lado // 2 + lado // 4.5,
        ],
        fill=(188, 149, 92),
    )
    salida = BytesIO()
    lienzo.save(salida, "PNG", optimize=True)
    return salida.getvalue()


def escudo_demo():
    """The demo state government's logo as an image of the library."""
    return imagen_demo(
        "Escudo del Gobierno del Estado (demostración)",
        dibujar_escudo(),
        "escudo-gobierno.png",
        "Escudo del Gobierno del Estado",
    )


def dibujar_cartel(titulo, lema, color=(106, 27, 49), ancho=800, alto=1000):
    """A campaign poster: the campaign's colour, its title, a slogan, a figure."""
    lienzo = PillowImage.new("RGB", (ancho, alto), color)
    dibujo = ImageDraw.Draw(lienzo)
    grande = ImageFont.load_default(size=64)
    mediana = ImageFont.load_default(size=34)
    dibujo.rectangle([0, alto - 170, ancho, alto], fill=(188, 149, 92))
    dibujo.ellipse([ancho // 2 - 170, 300, ancho // 2 + 170, 640], fill=(245, 235, 220))
    _persona(dibujo, ancho // 2 - 60, 560, 1.4, (60, 20, 34))
    _persona(dibujo, ancho // 2 + 70, 580, 1.2, (150, 70, 90))
    y = 70
    linea = ""
    for palabra in _sin_acentos(titulo).upper().split():
        if dibujo.textlength(f"{linea} {palabra}", font=grande) > ancho - 100:
            dibujo.text((50, y), linea.strip(), fill="white", font=grande)
            y, linea = y + 76, ""
        linea = f"{linea} {palabra}"
    dibujo.text((50, y), linea.strip(), fill="white", font=grande)
    dibujo.text(
        (50, alto - 130), _sin_acentos(lema)[:40], fill=(40, 20, 20), font=mediana
    )
    dibujo.text((50, alto - 80), "CETEC COAHUILA", fill=(40, 20, 20), font=mediana)
    salida = BytesIO()
    lienzo.save(salida, "JPEG", quality=80, optimize=True, progressive=True)
    return salida.getvalue()


def logo_demo(siglas, color):
    """The demo institution's logo as an image of the library."""
    return imagen_demo(
        f"Logotipo {siglas}",
        dibujar_logo(siglas, color),
        f"logotipo-{siglas.lower()}.png",
        f"Logotipo del {siglas}",
    )


def imagen_demo(
    titulo, contenido, nombre_archivo, descripcion, credito="", area=None, fecha=None
):
    """The demo image called ``titulo``, created once."""
    existente = Imagen.objects.filter(title=titulo).first()
    if existente:
        return existente
    imagen = Imagen(
        title=titulo, description=descripcion, credito=credito, area=area, fecha=fecha
    )
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


PROGRAMA = [
    # (topic, type, requested by, days from today to its due date, state)
    (
        "Testimonial: egresada de Mecatrónica en la industria automotriz",
        "planeado",
        "Dirección de Vinculación",
        -3,
        "produccion",
    ),
    (
        "Cobertura: inauguración del laboratorio de mecatrónica",
        "extemporaneo",
        "Dirección General",
        -1,
        "producido",
    ),
    (
        "Día Internacional de la Eliminación de la Violencia contra la Mujer",
        "planeado",
        "Coordinación de Comunicación Social",
        5,
        "programado",
    ),
    (
        "Convocatoria de becas de transporte",
        "planeado",
        "Dirección General",
        12,
        "programado",
    ),
]


def cargar_programa(productor):
    """The video programme (003 P01 1.2): one overdue, one produced, two ahead."""
    hoy = timezone.localdate()
    for tema, tipo, solicitado, dias, estado in PROGRAMA:
        if ProgramaVideo.objects.filter(tema=tema).exists():
            continue
        programa = ProgramaVideo.objects.create(
            tema=tema,
            tipo=tipo,
            solicitado_por=solicitado,
            productor=productor,
            fecha_compromiso=hoy + timedelta(days=dias),
            estado=estado,
        )
        if tipo == "planeado" and estado == "produccion":
            programa.entrevistados.create(
                nombre="Ing. Daniela Ramos Cepeda",
                cargo="Egresada, generación 2022",
                fecha=timezone.make_aware(
                    datetime.combine(hoy - timedelta(days=6), time(10, 0))
                ),
                lugar="Planta de ensamble, Ramos Arizpe",
            )
