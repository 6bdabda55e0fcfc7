"""Demo síntesis informativa: five days, two sent on time, one late, one waiting for
the head, today's being assembled; clippings cut from drawn newspaper pages."""

import datetime
import random
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Site

from archivo.publicacion import registrar_publicacion
from home.models import InstitucionSettings
from monitoreo.models import (
    ControlSintesis,
    DestinatarioReporte,
    ElementoSintesis,
    EnvioSintesis,
    Medio,
    PaginaEscaneada,
    Recorte,
    Sintesis,
)
from monitoreo.pdf_sintesis import sintesis_pdf
from monitoreo.sintesis import es_tardia
from monitoreo.tasks import bitacora_csv

# A small page keeps setup_demo fast; the bench uses 1-megapixel scans.
ANCHO, ALTO = 480, 640

NOTAS = [
    (
        "Vanguardia",
        "institucion",
        "Local",
        "El CETEC abre inscripciones en sus 40 planteles",
        "La institución anunció el periodo de inscripción y las becas disponibles.",
        "positivo",
    ),
    (
        "El Siglo de Torreón",
        "salud_estatal",
        "Estado",
        "Refuerzan vacunación contra la influenza en la Laguna",
        "La Secretaría de Salud estatal instaló 30 módulos en escuelas.",
        "neutro",
    ),
    (
        "Zócalo Saltillo",
        "columnas",
        "Opinión",
        "Tinta fresca: la educación técnica en Coahuila",
        "El columnista reconoce la vinculación de los planteles con la industria.",
        "positivo",
    ),
]


def _pagina(medio, fecha, encabezado, semilla):
    """A newspaper-like page: masthead, headline, grey columns of text."""
    azar = random.Random(semilla)
    imagen = Image.new("L", (ANCHO, ALTO), 246)
    dibujo = ImageDraw.Draw(imagen)
    grande = ImageFont.load_default(size=30)
    mediana = ImageFont.load_default(size=16)
    dibujo.text((20, 14), medio, fill=20, font=grande)
    dibujo.text((20, 52), f"{fecha:%d/%m/%Y}", fill=90, font=mediana)
    dibujo.line((20, 76, ANCHO - 20, 76), fill=40, width=3)
    dibujo.text((24, 96), encabezado[:44], fill=10, font=mediana)
    for columna in range(3):
        x = 24 + columna * 150
        for fila in range(120, ALTO - 30, 11):
            largo = azar.randint(90, 136)
            dibujo.line((x, fila, x + largo, fila), fill=150, width=4)
    salida = BytesIO()
    imagen.save(salida, "JPEG", quality=70)
    return salida.getvalue()


def _recortes(fecha, medios, creado_por):
    recortes = []
    for n, (medio, bloque, seccion, titular, resumen, sentimiento) in enumerate(NOTAS):
        escaneo = PaginaEscaneada(medio=medios[medio], fecha=fecha, pagina=str(n + 2))
        escaneo.imagen.save(
            f"{fecha:%Y%m%d}-{n}.jpg",
            ContentFile(_pagina(medio, fecha, titular, f"{fecha}{n}")),
            save=False,
        )
        escaneo.save()
        recorte = Recorte(
            medio=medios[medio],
            fecha=fecha,
            seccion=seccion,
            pagina=str(n + 2),
            columnista="Rosa Elena Valdés" if bloque == "columnas" else "",
            titular=titular,
            resumen=resumen,
            bloque=bloque,
            sentimiento=sentimiento,
            escaneo=escaneo,
            recorte_x=16,
            recorte_y=86,
            recorte_ancho=ANCHO - 32,
            recorte_alto=300,
            creado_por=creado_por,
        )
        recorte.save()
        recortes.append(recorte)
    return recortes


def _armada(fecha, recortes, monitor):
    sintesis = Sintesis(fecha=fecha, live=False)
    sintesis.save()
    for orden, recorte in enumerate(recortes):
        ElementoSintesis.objects.create(
            sintesis=sintesis, recorte=recorte, sort_order=orden
        )
    sintesis.save_revision(user=monitor)
    return sintesis


def _enviada(sintesis, hora, minuto, titular, institucion):
    """Approved and sent at ``hora:minuto``: live, its PDF, its log, its record."""
    cuando = timezone.make_aware(
        datetime.datetime.combine(sintesis.fecha, datetime.time(hora, minuto))
    )
    revision = sintesis.latest_revision
    Sintesis.objects.filter(pk=sintesis.pk).update(
        live=True,
        live_revision=revision,
        first_published_at=cuando,
        last_published_at=cuando,
    )
    sintesis.refresh_from_db()
    control = ControlSintesis.objects.create(sintesis=sintesis)
    control.pdf.save(
        sintesis.nombre_pdf,
        ContentFile(sintesis_pdf(sintesis, institucion)),
        save=False,
    )
    control.pdf_estado, control.pdf_revision = ControlSintesis.LISTO, revision
    control.pdf_total = control.pdf_avance = sintesis.elementos.count()
    for destinatario in DestinatarioReporte.objects.filter(activo=True):
        EnvioSintesis.objects.create(
            control=control,
            nombre=destinatario.nombre,
            correo=destinatario.correo,
            estado=EnvioSintesis.ENVIADO,
            intentos=1,
            enviado_en=cuando,
        )
    control.enviada_en, control.tardia = cuando, es_tardia(sintesis.fecha, cuando)
    control.asunto = str(sintesis)
    control.bitacora.save(
        f"{sintesis} - bitácora de envío.csv",
        ContentFile(bitacora_csv(control).encode("utf-8")),
        save=False,
    )
    control.save()
    registrar_publicacion(sintesis, revision=revision, usuario=titular)


def cargar():
    """Five days of síntesis; nothing if the desk already has one (idempotent)."""
    if Sintesis.objects.exists():
        return
    User = get_user_model()
    monitor = User.objects.get(username="monitoreo")
    titular = User.objects.get(username="titular")
    medios = {
        nombre: Medio.objects.get_or_create(nombre=nombre, defaults={"tipo": "prensa"})[
            0
        ]
        for nombre, *_resto in NOTAS
    }
    institucion = InstitucionSettings.for_site(Site.objects.get(is_default_site=True))
    hoy = timezone.localdate()
    dias = [hoy - datetime.timedelta(days=n) for n in (4, 3, 2, 1, 0)]
    armadas = [_armada(dia, _recortes(dia, medios, monitor), monitor) for dia in dias]
    _enviada(armadas[0], 9, 12, titular, institucion)
    _enviada(armadas[1], 9, 25, titular, institucion)
    _enviada(armadas[2], 9, 47, titular, institucion)  # late: after 9:30
    armadas[3].get_workflow().start(armadas[3], monitor)  # waits for the head
    # Today's: still being assembled (a draft with its clippings).
