"""Approval journeys in a real browser: publish through two approvals; correct."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from boletines.models import BoletinIndexPage, BoletinPage
from cms.dos_pasos import requiere_dos_pasos
from demo.management.commands.setup_demo import codigo_dos_pasos_demo, contrasena_demo

pytestmark = pytest.mark.browser

TITULO = "Inaugura el CETEC laboratorio de energías renovables en Monclova"


def entrar(pagina, sitio, usuario):
    """Sign ``usuario`` in from a browser that holds no session.

    The blank page first: a response still in flight from an admin page could
    otherwise set the last session's cookie again after it is cleared, and signing
    the same person in over it would keep that session's second step.
    """
    nombre = pagina.get_by_label("Nombre de usuario")
    for _intento in range(3):
        pagina.goto("about:blank")
        pagina.context.clear_cookies()
        pagina.goto(f"{sitio}/admin/login/")
        # A media request of the last page (a video still streaming) can outlive
        # the blank page and set the old session again: the login page then
        # sends to the dashboard. Clear and ask again.
        if "/admin/login/" in pagina.url and nombre.is_visible():
            break
    nombre.fill(usuario)
    pagina.locator("#id_password").fill(contrasena_demo(usuario))
    pagina.get_by_role("button", name="Iniciar sesión").click()
    cuenta = get_user_model().objects.get(username=usuario)
    if requiere_dos_pasos(cuenta):
        # The demo's app key (setup_demo); a code is good once per 30 s step, and a
        # journey may sign the same person in twice within one.
        TOTPDevice.objects.filter(user=cuenta).update(
            last_t=-1, throttling_failure_timestamp=None
        )
        codigo = pagina.get_by_label("Código")
        try:
            expect(codigo).to_be_visible()
        except AssertionError as error:
            raise AssertionError(
                f"{error}\nDirección: {pagina.url}\n"
                f"Texto: {pagina.locator('body').inner_text()[:800]}"
            ) from error
        codigo.fill(codigo_dos_pasos_demo(usuario))
        codigo.press("Enter")
    expect(pagina).to_have_title(re.compile(r"^Panel de control"))


def esperar_autoguardado(pagina, quieto=1.5):
    """Wait until the edit form's autosave has settled: none in flight, none due.

    Wagtail notices a change within 0.5 s and autosaves 0.5 s later; the first
    autosave of a new page creates it and turns the form into an edit form. A save
    in flight when the form is submitted races it: two creations of one slug (a
    500 in Wagtail's create view), or a submission followed by a newer revision
    than the one in review, which ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``
    then makes approve again. So: ``quieto`` seconds with no autosave moving.
    """
    seguidos = pagina.autoguardados
    llamada = time.monotonic()
    limite = llamada + 60
    while (
        seguidos["en_curso"]
        or time.monotonic() - max(seguidos["ultimo"], llamada) < quieto
    ):
        if time.monotonic() > limite:
            raise AssertionError("El autoguardado no terminó en 60 s.")
        pagina.wait_for_timeout(200)  # Playwright delivers the page's events meanwhile


def enviar_a_revision(pagina):
    """Submit the open edit form for approval once its autosave has settled."""
    esperar_autoguardado(pagina)
    pagina.get_by_role("button", name="Más acciones").click()
    pagina.get_by_role("button", name="Enviar a revisión").click()
    expect(pagina.locator(".messages")).to_contain_text("enviada")


def aprobar_desde_el_panel(pagina, sitio, usuario, titulo):
    entrar(pagina, sitio, usuario)
    fila = pagina.locator("tr.pendiente", has_text=titulo)
    expect(fila).to_be_visible()
    fila.get_by_role("button", name="Aprobar", exact=True).click()
    expect(pagina.locator(".messages")).to_contain_text(f"Se aprobó «{titulo}»")
    _sin_filas(pagina, titulo)


def _sin_filas(pagina, titulo):
    """The queue no longer lists ``titulo``; if it does, say which row and task."""
    filas = pagina.locator("tr.pendiente", has_text=titulo)
    try:
        expect(filas).to_have_count(0)
    except AssertionError as error:
        raise AssertionError(
            f"{error}\nFilas: {filas.all_inner_texts()}\n"
            f"Mensajes: {pagina.locator('.messages').inner_text()}\n"
            f"Dirección: {pagina.url}"
        ) from error


def publicar_desde_el_panel(
    pagina,
    sitio,
    titulo,
    envio=r"se enviará a \d+ destinatarios de las listas «",
    seccion="/boletines/",
):
    """The Titular's last approval: confirm what will be published and sent.

    ``envio=None`` where nothing is sent (a campaign, a video).
    """
    entrar(pagina, sitio, "titular")
    fila = pagina.locator("tr.pendiente", has_text=titulo)
    expect(fila).to_be_visible()
    fila.get_by_role("button", name="Aprobar y publicar").click()
    resumen = pagina.locator("[data-resumen-de-publicacion]")
    expect(resumen).to_contain_text(
        re.compile(r"Se publicará en http://\S+" + re.escape(seccion))
    )
    if envio:
        expect(resumen).to_contain_text(re.compile(envio))
    pagina.get_by_label("Confirmo la publicación y el envío").check()
    pagina.get_by_role("button", name="Confirmar: publicar y enviar").click()
    mensajes = pagina.locator(".messages")
    # The publication runs its handlers in the request (the test task backend is
    # immediate): a video's two finals are encoded there, over 30 s on a busy
    # machine.
    expect(mensajes).to_contain_text(f"Se aprobó y publicó «{titulo}»", timeout=120_000)
    enlace = mensajes.get_by_role("link", name="Ver en el sitio")
    expect(enlace).to_have_attribute("href", re.compile(re.escape(seccion)))
    _sin_filas(pagina, titulo)
    return enlace.get_attribute("href")


def test_editor_submits_and_coordinacion_then_titular_approve_to_publish(
    pagina, sitio_en_vivo
):

    sala = BoletinIndexPage.objects.get()
    entrar(pagina, sitio_en_vivo, "editor")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/add/boletines/boletinpage/{sala.pk}/")
    pagina.locator("#id_title").fill(TITULO)
    pagina.locator("#id_title").press("Tab")
    # Wagtail's script fills the slug from the title; wait for it under load.
    expect(pagina.locator("#id_slug")).to_have_value(re.compile(r"^inaugura-"))
    pagina.locator("#id_lugar").fill("Monclova, Coahuila")
    pagina.locator("#id_sumario").fill(
        "El laboratorio formará técnicos en instalación de paneles solares."
    )
    pagina.locator("button.c-sf-add-button").first.click()
    pagina.get_by_text("Párrafo", exact=True).click()
    pagina.locator(".DraftEditor-root").first.click()
    pagina.keyboard.type("Con una inversión de 12 millones de pesos.")
    expect(pagina.locator(".DraftEditor-root").first).to_contain_text("12 millones")
    pagina.get_by_role("button", name=re.compile("Añadir Fotografía")).click()
    pagina.get_by_role("button", name="Seleccionar una imagen").first.click()
    pagina.locator(".modal").get_by_role(
        "link", name=re.compile("Equipo Halcones")
    ).first.click()
    expect(pagina.locator("#id_fotos-0-imagen-title")).to_contain_text(
        "Equipo Halcones"
    )
    enviar_a_revision(pagina)

    boletin = BoletinPage.objects.get(title=TITULO)
    assert not boletin.live

    aprobar_desde_el_panel(pagina, sitio_en_vivo, "coordinacion", TITULO)
    assert not BoletinPage.objects.get(pk=boletin.pk).live
    publica = publicar_desde_el_panel(pagina, sitio_en_vivo, TITULO)

    boletin = BoletinPage.objects.get(pk=boletin.pk)
    assert boletin.live
    assert publica == boletin.full_url
    pagina.context.clear_cookies()
    pagina.goto(f"{sitio_en_vivo}/boletines/")
    pagina.get_by_role("link", name=TITULO).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(TITULO)
    expect(pagina.locator(".folio")).to_have_text(boletin.folio_texto)

    feed = pagina.request.get(f"{sitio_en_vivo}/boletines/feed/")
    assert TITULO in feed.text()
    with pagina.expect_download() as descarga:
        pagina.evaluate(
            "url => { const a = document.createElement('a'); a.href = url;"
            " a.download = 'boletin.pdf'; document.body.appendChild(a); a.click(); }",
            f"{sitio_en_vivo}{boletin.url}pdf/",
        )
    with open(descarga.value.path(), "rb") as archivo:
        assert archivo.read(5) == b"%PDF-"


def test_an_error_is_taken_down_corrected_and_republished_with_its_note(
    pagina, sitio_en_vivo
):

    boletin = BoletinPage.objects.get(slug="egresa-generacion-2024-2027")
    publica = f"{sitio_en_vivo}{boletin.url}"
    motivo = "La cifra correcta de egresados es 1,260, no 1,200."

    entrar(pagina, sitio_en_vivo, "titular")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/{boletin.pk}/edit/")
    pagina.get_by_role("button", name="Más acciones").click()
    pagina.get_by_role("link", name="Retirar por error").click()
    pagina.get_by_label("Motivo").fill(motivo)
    pagina.get_by_role("button", name="Retirar por error").click()
    expect(pagina.locator(".messages")).to_contain_text("Se retiró")

    respuesta = pagina.goto(publica)
    assert respuesta.status == 410
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Este contenido se retiró para corregirlo"
    )

    entrar(pagina, sitio_en_vivo, "editor")
    pagina.goto(f"{sitio_en_vivo}/admin/pages/{boletin.pk}/edit/")
    pagina.locator("#id_sumario").fill(
        "En ceremonias en cada plantel, 1,260 egresados recibieron su título."
    )
    enviar_a_revision(pagina)

    aprobar_desde_el_panel(pagina, sitio_en_vivo, "coordinacion", boletin.title)
    publicar_desde_el_panel(
        pagina,
        sitio_en_vivo,
        boletin.title,
        envio=r"se enviará la fe de erratas a los \d+ destinatarios del boletín",
    )

    pagina.context.clear_cookies()
    assert pagina.goto(publica).status == 200
    nota = pagina.get_by_role("note", name="Fe de erratas")
    expect(nota).to_contain_text(motivo)
    expect(pagina.locator(".sumario")).to_contain_text("1,260 egresados")
