"""The síntesis informativa in a browser: clippings, order, submission, the head's
preview and approval, the PDF e-mailed, the record in the archivist's workspace."""

import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image, ImageDraw
from playwright.sync_api import expect
from pypdf import PdfReader

from monitoreo.models import Medio, PaginaEscaneada, Recorte, Sintesis
from monitoreo.sintesis import titulo_de

from .test_aprobacion import entrar

pytestmark = pytest.mark.browser

TITULARES = [
    "Hospital del CETEC recibe nuevo equipo",
    "Aumentan casos de dengue en Coahuila",
    "La OMS actualiza su alerta sanitaria",
]


def _jpeg(ancho, alto, texto):
    imagen = Image.new("L", (ancho, alto), 240)
    ImageDraw.Draw(imagen).text((20, 20), texto, fill=0)
    salida = io.BytesIO()
    imagen.save(salida, "JPEG")
    return {
        "name": "escaneo.jpg",
        "mimeType": "image/jpeg",
        "buffer": salida.getvalue(),
    }


def _recorte(pagina, sitio, medio, titular, bloque, **campos):
    pagina.goto(f"{sitio}/admin/snippets/monitoreo/recorte/add/")
    pagina.locator("#id_medio").select_option(str(medio.pk))
    pagina.locator("#id_titular").fill(titular)
    pagina.locator("#id_resumen").fill(f"Resumen: {titular.lower()}.")
    pagina.locator("#id_bloque").select_option(bloque)
    for campo, valor in campos.items():
        if campo == "imagen":
            pagina.locator("#id_imagen").set_input_files(valor)
        elif campo == "escaneo":
            pagina.locator("#id_escaneo").select_option(str(valor))
        else:
            pagina.locator(f"#id_{campo}").fill(str(valor))
    pagina.get_by_role("button", name="Guardar").click()
    expect(pagina.locator(".messages")).to_contain_text("creado")
    return Recorte.objects.get(titular=titular)


def test_a_monitor_assembles_the_sintesis_the_head_approves_and_it_is_sent_and_archived(
    pagina, sitio_en_vivo
):
    medio = Medio.objects.filter(tipo="prensa").order_by("nombre").first()
    hoy = timezone.localdate()
    Sintesis.objects.filter(fecha=hoy).delete()  # the demo's draft of today
    titulo = titulo_de(hoy)

    # 1. A monitor uploads a page, clips one note from it, and adds two more.
    entrar(pagina, sitio_en_vivo, "monitoreo")
    expect(pagina.get_by_text("Síntesis informativa de hoy")).to_be_visible()
    pagina.goto(f"{sitio_en_vivo}/admin/snippets/monitoreo/paginaescaneada/add/")
    pagina.locator("#id_medio").select_option(str(medio.pk))
    pagina.locator("#id_imagen").set_input_files(_jpeg(600, 800, "Página 3"))
    pagina.get_by_role("button", name="Guardar").click()
    expect(pagina.locator(".messages")).to_contain_text("creado")
    escaneo = PaginaEscaneada.objects.latest("pk")
    recortado = _recorte(
        pagina,
        sitio_en_vivo,
        medio,
        TITULARES[0],
        "institucion",
        escaneo=escaneo.pk,
        recorte_x=40,
        recorte_y=60,
        recorte_ancho=300,
        recorte_alto=200,
    )
    with recortado.imagen.open("rb") as archivo, Image.open(archivo) as imagen:
        assert imagen.size == (300, 200)
    _recorte(
        pagina,
        sitio_en_vivo,
        medio,
        TITULARES[1],
        "salud_estatal",
        imagen=_jpeg(300, 200, "Dengue"),
    )
    _recorte(
        pagina,
        sitio_en_vivo,
        medio,
        TITULARES[2],
        "salud_internacional",
        url="https://noticias.example.mx/oms-alerta",
        extracto="La OMS emitió una actualización de su alerta.",
    )

    # 2. She orders them (the third goes up one place) and submits.
    pagina.goto(f"{sitio_en_vivo}/admin/snippets/monitoreo/sintesis/add/")
    for n, titular in enumerate(TITULARES):
        pagina.get_by_role("button", name="Añadir recorte").click()
        pagina.locator(f"#id_elementos-{n}-recorte").select_option(
            str(Recorte.objects.get(titular=titular).pk)
        )
    pagina.locator(
        "#inline_child_elementos-2 [data-inline-panel-child-move-up]"
    ).click()
    pagina.get_by_role("button", name="Más acciones").click()
    pagina.get_by_role(
        "button", name=re.compile(r"^Enviar a (revisión|Síntesis)")
    ).click()
    expect(pagina.locator(".messages")).to_contain_text("enviad")
    sintesis = Sintesis.objects.get(fecha=hoy)
    orden = [
        e.recorte.titular for e in sintesis.latest_revision.as_object().elementos.all()
    ]
    assert orden == [TITULARES[0], TITULARES[2], TITULARES[1]]

    # 3. The head opens the preview, then approves from her dashboard.
    entrar(pagina, sitio_en_vivo, "coordinacion")
    panel = pagina.locator("section[aria-labelledby='sintesis-del-dia-titulo']")
    panel.get_by_role("link", name="Vista previa de la síntesis").click()
    expect(pagina.get_by_role("heading", name=TITULARES[1])).to_be_visible()
    pagina.go_back()
    panel.get_by_role("button", name="Aprobar y publicar").click()
    expect(pagina.locator("[data-resumen-de-publicacion]")).to_contain_text(
        "se enviará a 2 destinatarios de la lista de la Dirección General"
    )
    pagina.get_by_label("Confirmo la publicación y el envío").check()
    pagina.get_by_role("button", name="Confirmar: publicar y enviar").click()
    expect(pagina.locator(".messages")).to_contain_text("Se aprobó")

    # 4. The PDF went to the Director General's list with the date in the subject.
    correos = [m for m in mail.outbox if m.subject == titulo]
    assert correos, [m.subject for m in mail.outbox]
    nombre, contenido, _tipo = correos[0].attachments[0]
    assert nombre == f"{titulo}.pdf"
    texto = "".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    assert all(t in texto for t in TITULARES)

    # 5. The archivist finds its record.
    entrar(pagina, sitio_en_vivo, "archivo")
    pagina.goto(f"{sitio_en_vivo}/admin/archivo/registro/?q=Síntesis")
    expect(pagina.get_by_role("cell", name=titulo).first).to_be_visible()
