"""Benchmark: render a síntesis informativa of N clippings with 1-megapixel scans.

    .venv/bin/python bench/sintesis.py [--recortes 60] [--lado 1000]

Draws N newspaper-like scans (``lado`` × ``lado`` × 1.2 px, about 1.2 MP at the
default) into a temporary media folder, then times ``sintesis_pdf`` (what the
task worker runs) on a síntesis built in memory: no database is touched. Prints
the render time, the PDF's size and pages, and the process's peak memory.
Target (issue 17): under 20 s and under 300 MB on the 2-core machine.
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def preparar(media):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    sys.path.insert(0, str(RAIZ))
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = media


def escaneo(ruta, ancho, alto, semilla):
    """A page with a masthead, a headline and noisy columns (JPEG like a scanner's)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    azar = random.Random(semilla)
    imagen = Image.effect_noise((ancho, alto), 24).point(lambda v: 200 + v // 5)
    dibujo = ImageDraw.Draw(imagen)
    dibujo.text(
        (30, 20), f"EL DIARIO {semilla}", fill=10, font=ImageFont.load_default(size=60)
    )
    dibujo.text(
        (30, 110),
        "Titular de la nota recortada",
        fill=20,
        font=ImageFont.load_default(size=34),
    )
    for columna in range(4):
        x = 30 + columna * (ancho - 60) // 4
        for fila in range(170, alto - 30, 16):
            dibujo.line(
                (x, fila, x + azar.randint(120, (ancho - 60) // 4 - 20), fila),
                fill=90,
                width=6,
            )
    imagen = imagen.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    imagen.save(ruta, "JPEG", quality=85)


def construir(n, media, lado):
    from monitoreo.models import ElementoSintesis, Medio, Recorte, Sintesis
    from monitoreo.models.sintesis import BLOQUES

    carpeta = Path(media) / "monitoreo" / "recortes"
    carpeta.mkdir(parents=True)
    medios = [Medio(nombre=f"Diario {i}", tipo="prensa") for i in range(8)]
    elementos = []
    for i in range(n):
        nombre = f"monitoreo/recortes/escaneo-{i:03d}.jpg"
        escaneo(Path(media) / nombre, lado, int(lado * 1.2), i)
        recorte = Recorte(
            pk=i + 1,  # unsaved, but named as the worker's rows are
            medio=medios[i % 8],
            seccion="Local",
            pagina=str(i % 24 + 1),
            titular=f"Nota {i + 1}: el instituto y la salud en el estado",
            resumen="Resumen de la nota para la Dirección General. " * 4,
            bloque=BLOQUES[i % len(BLOQUES)][0],
        )
        recorte.imagen.name = nombre
        elementos.append(ElementoSintesis(recorte=recorte, sort_order=i))
    return Sintesis(elementos=elementos)


class Institucion:
    nombre = "Instituto de Seguridad y Servicios Sociales de los Trabajadores"
    unidad = "Unidad de Enlace de Comunicación Social"
    color_primario = "#6d1a36"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recortes", type=int, default=60)
    parser.add_argument("--lado", type=int, default=1000)
    opciones = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sintesis-") as media:
        preparar(media)
        from pypdf import PdfReader

        from monitoreo.pdf_sintesis import sintesis_pdf

        sintesis = construir(opciones.recortes, media, opciones.lado)
        antes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        inicio = time.perf_counter()
        contenido = sintesis_pdf(sintesis, Institucion())
        duracion = time.perf_counter() - inicio
        pico = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        paginas = len(PdfReader(BytesIO(contenido)).pages)
    megapixeles = opciones.lado * int(opciones.lado * 1.2) / 1e6
    print(
        f"{opciones.recortes} recortes, escaneos de {megapixeles:.1f} MP: "
        f"{duracion:.1f} s, PDF de {len(contenido) / 1e6:.1f} MB y {paginas} páginas"
    )
    print(
        f"memoria máxima del proceso: {pico:.0f} MB (antes de componer: {antes:.0f} MB)"
    )
    print(
        "objetivo: < 20 s y < 300 MB — "
        + ("cumple" if duracion < 20 and pico < 300 else "NO cumple")
    )


if __name__ == "__main__":
    main()
