"""Sending boletines to the media: lists, delivery records, retries, fe de erratas."""

import socket
from datetime import timedelta
from email import message_from_bytes
from email.policy import default as politica
from io import BytesIO, StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from boletines import tasks
from boletines.models import (
    BoletinIndexPage,
    BoletinPage,
    ContactoDistribucion,
    Distribucion,
    Envio,
    ListaDistribucion,
)
from tests.admin import accion, cliente, crear_y_enviar, denegada, editar
from tests.factories import BoletinPageFactory, ListaDistribucionFactory
from tests.workflows.test_embargo import _llega_la_hora

PREDETERMINADA = {
    "comunicacion.social@coahuila.example",
    "redaccion@diariodesaltillo.example",
    "noticias@radiosaltillo.example",
    "informacion@canal7coahuila.example",
    "coahuila@ainorte.example",
}
LAGUNA = {"torreon@siglolagunero.example", "contacto@lagunadigital.example"}
MEDIOS = {
    "comunicacion.social@coahuila.example": ("Gobierno del Estado", "gobierno"),
    "redaccion@diariodesaltillo.example": ("El Diario de Saltillo", "prensa"),
    "noticias@radiosaltillo.example": ("Radio Saltillo 1090", "radio"),
    "informacion@canal7coahuila.example": ("Canal 7 Coahuila", "television"),
    "coahuila@ainorte.example": ("Agencia Informativa del Norte", "agencia"),
    "torreon@siglolagunero.example": ("El Siglo Lagunero", "prensa"),
    "contacto@lagunadigital.example": ("Laguna Digital", "digital"),
}


def crear_listas():
    """The default list (``PREDETERMINADA``) and «Medios de La Laguna» (``LAGUNA``)."""
    listas = {
        "predeterminada": ListaDistribucionFactory(
            nombre="Medios de Coahuila", predeterminada=True
        ),
        "laguna": ListaDistribucionFactory(nombre="Medios de La Laguna"),
    }
    for clave, correos in (("predeterminada", PREDETERMINADA), ("laguna", LAGUNA)):
        for orden, correo in enumerate(sorted(correos)):
            medio, tipo = MEDIOS[correo]
            ContactoDistribucion.objects.create(
                lista=listas[clave],
                nombre=f"Redacción de {medio}",
                medio=medio,
                tipo=tipo,
                correo=correo,
                sort_order=orden,
            )
    return listas


@pytest.fixture(scope="module")
def listas(institucion_del_modulo):
    """The module's media lists, inside its transaction."""
    return crear_listas()


@pytest.fixture
def medios(institucion_compartida, listas):
    """The institution and its two media lists, for this test."""
    return listas


@pytest.fixture
def enviado(medios):
    """A live boletín whose deliveries are pending (nothing went out yet)."""
    boletin = BoletinPageFactory(
        parent=BoletinIndexPage.objects.get(), publicada=True, con_fotos=True
    )
    assert Envio.objects.filter(distribucion__boletin=boletin).exists()
    return boletin


def _aprobar(boletin):
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")
    return BoletinPage.objects.get(pk=boletin.pk)


def _publicar(titulo, capturar, **campos):
    with capturar(execute=True):
        boletin = crear_y_enviar("editor", titulo, **campos)
    mail.outbox.clear()
    with capturar(execute=True):
        return _aprobar(boletin)


def _texto_pdf(contenido):
    return " ".join(p.extract_text() for p in PdfReader(BytesIO(contenido)).pages)


def _a(correo):
    return [m for m in mail.outbox if m.to == [correo]]


def test_publication_mails_each_contact_the_boletin_with_pdf_and_photo_links(
    medios, django_capture_on_commit_callbacks
):
    laguna = medios["laguna"]
    boletin = _publicar(
        "Egresan 300 técnicos en mecatrónica",
        django_capture_on_commit_callbacks,
        listas=[laguna.pk],
    )

    ronda = Distribucion.objects.get(boletin=boletin, tipo=Distribucion.BOLETIN)
    assert ronda.asunto == f"{boletin.folio_texto}: Egresan 300 técnicos en mecatrónica"
    envios = ronda.envios.all()
    assert {e.correo for e in envios} == PREDETERMINADA | LAGUNA
    assert all(e.estado == Envio.ENVIADO and e.enviado_en for e in envios)
    assert all(e.intentos == 1 and not e.ultimo_error for e in envios)

    (correo,) = _a("torreon@siglolagunero.example")
    assert correo.subject == ronda.asunto
    assert boletin.folio_texto in correo.body
    assert boletin.get_full_url() in correo.body
    assert "Fotografías en alta resolución" in correo.body
    assert "http://testserver/media/images/" in correo.body  # the photo's link
    html, tipo = correo.alternatives[0]
    assert tipo == "text/html" and "<h1" in html and boletin.title in html
    ((nombre, pdf, tipo_pdf),) = correo.attachments
    assert tipo_pdf == "application/pdf" and nombre.endswith(".pdf")
    assert boletin.folio_texto in _texto_pdf(pdf)
    # Nobody got it twice, and only the listed people got it.
    assert sorted(m.to[0] for m in mail.outbox if m.subject == ronda.asunto) == sorted(
        PREDETERMINADA | LAGUNA
    )


def test_a_contact_on_two_lists_receives_one_copy(
    medios, django_capture_on_commit_callbacks
):
    laguna = medios["laguna"]
    ContactoDistribucion.objects.create(
        lista=laguna,
        nombre="Corresponsalía",
        medio="Agencia Informativa del Norte",
        tipo="agencia",
        correo="COAHUILA@ainorte.example",
    )
    boletin = _publicar(
        "Boletín a dos listas", django_capture_on_commit_callbacks, listas=[laguna.pk]
    )

    correos = [
        e.correo.lower() for e in Envio.objects.filter(distribucion__boletin=boletin)
    ]
    assert correos.count("coahuila@ainorte.example") == 1
    assert len(_a("coahuila@ainorte.example")) == 1


def test_republishing_an_edit_sends_nothing_new(
    medios, django_capture_on_commit_callbacks
):
    boletin = _publicar("Boletín que se edita", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        editar("editor", boletin, accion="action-submit", sumario="Otro sumario.")
        _aprobar(boletin)

    assert Distribucion.objects.filter(boletin=boletin).count() == 1
    assert not [m for m in mail.outbox if set(m.to) & PREDETERMINADA]


def test_a_correction_goes_to_the_same_recipients_as_fe_de_erratas(
    medios, django_capture_on_commit_callbacks
):
    laguna = medios["laguna"]
    boletin = _publicar(
        "Boletín con una cifra errónea",
        django_capture_on_commit_callbacks,
        listas=[laguna.pk],
    )
    # Someone joins the default list after the original went out: the fe de
    # erratas corrects what was sent, so it goes to those who received it.
    ContactoDistribucion.objects.create(
        lista=ListaDistribucion.objects.get(predeterminada=True),
        nombre="Nuevo",
        medio="Nuevo Diario",
        tipo="prensa",
        correo="nuevo@nuevodiario.example",
    )
    motivo = "La cifra de egresados era 310, no 300."
    cliente("titular").post(
        reverse("retirar_por_error", args=(boletin.pk,)), {"motivo": motivo}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        editar("editor", boletin, accion="action-submit", sumario="Son 310.")
    with django_capture_on_commit_callbacks(execute=True):
        boletin = _aprobar(boletin)

    erratas = Distribucion.objects.get(tipo=Distribucion.FE_DE_ERRATAS)
    assert erratas.boletin == boletin and erratas.retiro.motivo == motivo
    assert erratas.asunto == (
        f"Fe de erratas — {boletin.folio_texto}: Boletín con una cifra errónea"
    )
    assert {e.correo for e in erratas.envios.all()} == PREDETERMINADA | LAGUNA
    enviados = [m for m in mail.outbox if m.subject == erratas.asunto]
    assert {m.to[0] for m in enviados} == PREDETERMINADA | LAGUNA
    assert motivo in enviados[0].body and "Son 310." in enviados[0].body
    assert not _a("nuevo@nuevodiario.example")


def test_an_embargoed_boletin_is_sent_only_when_it_goes_live(
    medios, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        boletin = crear_y_enviar(
            "editor", "Resultados bajo embargo", go_live_at="2030-01-15 09:30"
        )
        boletin = _aprobar(boletin)
    assert not boletin.live
    assert not Distribucion.objects.filter(boletin=boletin).exists()
    assert not [m for m in mail.outbox if set(m.to) & PREDETERMINADA]

    _llega_la_hora(boletin, timedelta(seconds=30))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("scheduler", "--once", stdout=StringIO())

    ronda = Distribucion.objects.get(boletin=boletin)
    assert {e.estado for e in ronda.envios.all()} == {Envio.ENVIADO}
    assert len([m for m in mail.outbox if m.subject == ronda.asunto]) == len(
        PREDETERMINADA
    )


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback that refuses the addresses in ``rechazar``."""

    class Buzon:
        def __init__(self):
            self.mensajes, self.rechazar = [], set()

        async def handle_RCPT(self, server, session, envelope, address, options):
            if address in self.rechazar:
                return "550 5.1.1 Buzón inexistente"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            self.mensajes.append(message_from_bytes(envelope.content, policy=politica))
            return "250 Mensaje aceptado"

    with socket.socket() as libre:
        libre.bind(("127.0.0.1", 0))
        puerto = libre.getsockname()[1]
    buzon = Buzon()
    servidor = Controller(buzon, hostname="127.0.0.1", port=puerto)
    servidor.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", puerto
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield buzon
    servidor.stop()


def test_the_real_smtp_path_delivers_text_html_and_pdf(
    medios, smtp, django_capture_on_commit_callbacks
):
    boletin = _publicar("Boletín por SMTP", django_capture_on_commit_callbacks)

    recibidos = [m for m in smtp.mensajes if m["Subject"].endswith("Boletín por SMTP")]
    assert {m["To"] for m in recibidos} == PREDETERMINADA
    mensaje = recibidos[0]
    assert mensaje["Subject"] == f"{boletin.folio_texto}: Boletín por SMTP"
    partes = {p.get_content_type(): p for p in mensaje.walk()}
    assert boletin.folio_texto in partes["text/plain"].get_content()
    assert "<h1" in partes["text/html"].get_content()
    assert "Boletín por SMTP" in _texto_pdf(partes["application/pdf"].get_content())


def test_a_refused_delivery_retries_then_stays_failed_until_retried_by_hand(
    medios, smtp, django_capture_on_commit_callbacks
):
    smtp.rechazar.add("noticias@radiosaltillo.example")
    boletin = _publicar(
        "Boletín con un buzón caído", django_capture_on_commit_callbacks
    )

    envios = Envio.objects.filter(distribucion__boletin=boletin)
    fallido = envios.get(correo="noticias@radiosaltillo.example")
    assert fallido.estado == Envio.FALLIDO
    assert fallido.intentos == tasks.INTENTOS
    assert "550" in fallido.ultimo_error and "Buzón inexistente" in fallido.ultimo_error
    assert fallido.enviado_en is None
    assert {e.estado for e in envios.exclude(pk=fallido.pk)} == {Envio.ENVIADO}

    # Visible to Coordinación until it is sent, with a button to try again.
    listado = cliente("coordinacion").get(
        reverse("envios_boletines:index"), {"estado": "fallido"}
    )
    html = listado.content.decode()
    assert "noticias@radiosaltillo.example" in html and "Buzón inexistente" in html
    assert reverse("envios_boletines:reintentar", args=(fallido.pk,)) in html
    assert "diariodesaltillo" not in html  # sent ones are filtered out

    smtp.rechazar.clear()
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = cliente("coordinacion").post(
            reverse("envios_boletines:reintentar", args=(fallido.pk,))
        )
    assert respuesta.status_code == 302
    fallido.refresh_from_db()
    assert fallido.estado == Envio.ENVIADO and fallido.intentos == 1
    assert any(m["To"] == fallido.correo for m in smtp.mensajes)


def test_a_failed_delivery_waits_longer_each_time(
    enviado, smtp, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp.rechazar.add("noticias@radiosaltillo.example")
    envio = Envio.objects.first()
    envio.pk = None
    envio.correo, envio.estado, envio.intentos = (
        "noticias@radiosaltillo.example",
        Envio.PENDIENTE,
        0,
    )
    envio.save()

    esperas = []
    for intento in range(1, tasks.INTENTOS + 1):
        antes = timezone.now()
        tasks.enviar.call(envio.pk)
        envio.refresh_from_db()
        assert envio.intentos == intento
        if intento < tasks.INTENTOS:
            assert envio.estado == Envio.REINTENTANDO
            reintento = DBTaskResult.objects.filter(
                task_path="boletines.tasks.enviar", args_kwargs__args=[envio.pk]
            ).latest("enqueued_at")
            esperas.append(round((reintento.run_after - antes).total_seconds() / 60))
            assert reintento.run_after == envio.proximo_intento
    assert esperas == [2, 4, 8, 16]
    assert envio.estado == Envio.FALLIDO and envio.proximo_intento is None


def test_a_sent_delivery_is_not_sent_again(enviado):
    envio = Envio.objects.first()
    assert tasks.enviar.call(envio.pk) == Envio.ENVIADO
    mail.outbox.clear()
    assert tasks.enviar.call(envio.pk) is None
    assert not mail.outbox
    assert not tasks.reintentar_ahora(envio)


def test_deliveries_are_visible_by_role_and_exportable(enviado):
    assert denegada(cliente("monitoreo").get(reverse("envios_boletines:index")))
    assert cliente("editor").get(reverse("envios_boletines:index")).status_code == 200
    envio = Envio.objects.first()
    rechazo = cliente("editor").post(
        reverse("envios_boletines:reintentar", args=(envio.pk,))
    )
    assert denegada(rechazo)
    csv = cliente("archivo").get(reverse("envios_boletines:index"), {"export": "csv"})
    lineas = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
    assert lineas[0].startswith("Asunto,Destinatario,Medio,Correo,Estado")
    assert len(lineas) == 1 + Envio.objects.count()


def _lista_form(predeterminada, tipo):

    return nested_form_data(
        {
            "nombre": "Lista nueva",
            "predeterminada": "on" if predeterminada else "",
            "contactos": inline_formset(
                [
                    {
                        "nombre": "Mesa",
                        "medio": "Diario",
                        "tipo": tipo,
                        "correo": "mesa@diario.example",
                    }
                ]
            ),
        }
    )


def test_a_default_list_must_include_the_state_communication_office(medios):
    url = reverse("wagtailsnippets_boletines_listadistribucion:add")
    respuesta = cliente("coordinacion").post(url, _lista_form(True, "prensa"))

    assert respuesta.status_code == 200
    assert "Comunicación Social del Gobierno del Estado" in respuesta.content.decode()
    assert not ListaDistribucion.objects.filter(nombre="Lista nueva").exists()
    assert not ContactoDistribucion.objects.filter(correo="mesa@diario.example")

    respuesta = cliente("coordinacion").post(url, _lista_form(True, "gobierno"))
    assert respuesta.status_code == 302
    assert ListaDistribucion.objects.get(nombre="Lista nueva").contactos.count() == 1
