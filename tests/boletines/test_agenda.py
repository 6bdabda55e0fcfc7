"""The weekly agenda: public page, PDF, and the Monday e-mail to the default list."""

import datetime
from io import BytesIO

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from boletines import distribucion
from boletines.models import Distribucion, Evento, lunes_de
from tests.factories import AgendaPageFactory

from .test_distribucion import PREDETERMINADA, crear_listas

MEXICO = timezone.get_fixed_timezone(-360)  # UTC-6, no daylight saving since 2022


@pytest.fixture(scope="module")
def agenda_del_modulo(institucion_del_modulo):
    """The public Agenda page and the media lists, built once for the module."""
    crear_listas()
    return AgendaPageFactory(parent=institucion_del_modulo.inicio)


@pytest.fixture
def agenda(agenda_del_modulo, institucion_compartida):
    """The module's Agenda page, inside this test's transaction."""
    return agenda_del_modulo


def _evento(titulo, dias, publico=True):
    return Evento.objects.create(
        titulo=titulo,
        fecha=lunes_de(timezone.localdate()) + datetime.timedelta(days=dias),
        hora=datetime.time(10, 0),
        lugar="Auditorio del Plantel Saltillo",
        publico=publico,
    )


def test_the_agenda_page_shows_this_weeks_public_events(client, agenda):
    _evento("Reunión interna de planeación", 2, publico=False)
    _evento("Feria de empleo técnico", 4)
    _evento("Evento de la semana siguiente", 8)

    html = client.get("/agenda/").content.decode()
    assert "Feria de empleo técnico" in html
    assert "Auditorio del Plantel Saltillo" in html
    assert "Reunión interna de planeación" not in html
    assert "Evento de la semana siguiente" not in html

    siguiente = lunes_de(timezone.localdate()) + datetime.timedelta(days=7)
    html = client.get("/agenda/", {"semana": siguiente.isoformat()}).content.decode()
    assert "Evento de la semana siguiente" in html
    assert "Feria de empleo técnico" not in html


def test_a_bad_week_parameter_shows_the_current_week(client, agenda):
    _evento("Feria de empleo técnico", 4)
    respuesta = client.get("/agenda/", {"semana": "la-otra-semana"})
    assert respuesta.status_code == 200
    assert "Feria de empleo técnico" in respuesta.content.decode()


def test_the_agenda_pdf_lists_the_weeks_events(client, agenda):
    _evento("Feria de empleo técnico", 4)
    respuesta = client.get("/agenda/pdf/")
    assert respuesta["Content-Type"] == "application/pdf"
    texto = " ".join(
        p.extract_text() for p in PdfReader(BytesIO(respuesta.content)).pages
    )
    assert "Agenda semanal" in texto and "Feria de empleo técnico" in texto


def test_the_agenda_goes_out_on_monday_morning_once(
    agenda, django_capture_on_commit_callbacks
):
    lunes = lunes_de(timezone.localdate())
    _evento("Feria de empleo técnico", 4)
    siete = datetime.datetime.combine(lunes, datetime.time(7, 0), tzinfo=MEXICO)
    assert distribucion.agenda_pendiente(siete) is None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ronda = distribucion.agenda_pendiente(siete + datetime.timedelta(hours=2))
    assert ronda.tipo == Distribucion.AGENDA and ronda.semana == lunes
    assert {m.to[0] for m in mail.outbox} == PREDETERMINADA
    correo = mail.outbox[0]
    assert correo.subject.startswith("Agenda semanal del ")
    assert "Feria de empleo técnico" in correo.body
    ((nombre, pdf, tipo),) = correo.attachments
    assert tipo == "application/pdf" and nombre == f"agenda-{lunes}.pdf"
    assert "Feria de empleo técnico" in PdfReader(BytesIO(pdf)).pages[0].extract_text()

    # Later that week (and from a second scheduler) nothing goes out again.
    assert distribucion.agenda_pendiente(siete + datetime.timedelta(days=2)) is None
    assert distribucion.enviar_agenda(lunes) is None
    assert Distribucion.objects.filter(tipo=Distribucion.AGENDA).count() == 1
