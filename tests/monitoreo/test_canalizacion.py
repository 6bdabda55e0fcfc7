"""Channelling to the áreas: business-day deadlines, the área's view, escalation."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time

from archivo.models import Registro
from monitoreo.models import DiaInhabil, Entrevista, Mencion, PlazoTipo
from tests.admin import cliente, denegada
from tests.factories import MencionFactory, ResponsableAreaFactory, UsuarioFactory

SEGUIMIENTO = "wagtailsnippets_monitoreo_mencion:seguimiento"


@pytest.fixture
def areas(institucion_compartida):
    """Two áreas, each with a responsible user of the «Áreas responsables» role."""
    dg = institucion_compartida.areas["direccion-general"]
    torreon = institucion_compartida.areas["plantel-torreon"]
    ResponsableAreaFactory(
        area=dg,
        usuario=UsuarioFactory(username="area_dg", rol="Áreas responsables"),
        correo="atencion@cepru.gob.mx",
    )
    ResponsableAreaFactory(
        area=torreon,
        usuario=UsuarioFactory(username="area_torreon", rol="Áreas responsables"),
        correo="torreon@cepru.gob.mx",
    )
    return {"dg": dg, "torreon": torreon}


def canalizar(mencion, area, capturar, usuario="monitoreo"):
    with capturar(execute=True):
        return cliente(usuario).post(
            reverse(SEGUIMIENTO, args=[mencion.pk]),
            {"accion": "canalizar", "area": area.pk},
        )


@freeze_time("2026-09-11 10:00")  # a Friday
def test_a_deadline_over_a_weekend_and_16_september_lands_on_monday_21(
    areas, django_capture_on_commit_callbacks
):
    queja = MencionFactory(queja=True)
    respuesta = canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
    assert respuesta.status_code == 302
    queja.refresh_from_db()
    # Five business days: 14, 15, (16 is Independence Day), 17, 18, 21.
    assert queja.estado == Mencion.CANALIZADA
    assert queja.vence == datetime.date(2026, 9, 21)


@freeze_time("2026-09-11 10:00")
def test_the_institutions_holidays_and_the_per_type_deadline_count(
    areas, django_capture_on_commit_callbacks
):
    PlazoTipo.objects.create(tipo="queja", dias_habiles=3)
    DiaInhabil.objects.create(fecha=datetime.date(2026, 9, 15), motivo="Aniversario")
    queja = MencionFactory(queja=True)
    canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
    queja.refresh_from_db()
    # 14, (15 institution), (16 official), 17, 18.
    assert queja.vence == datetime.date(2026, 9, 18)


def test_the_area_gets_an_email_with_the_link_to_answer(
    areas, django_capture_on_commit_callbacks
):
    queja = MencionFactory(queja=True, texto="No me han pagado la beca del CEPRU")
    canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["atencion@cepru.gob.mx"]
    enlace = "http://testserver" + reverse("asuntos_area:responder", args=[queja.pk])
    assert enlace in correo.body and "beca" in correo.body


def test_a_comment_cannot_be_channelled_and_nothing_changes(
    areas, django_capture_on_commit_callbacks
):
    comentario = MencionFactory(tipo="comentario", sentimiento="positivo")
    respuesta = canalizar(comentario, areas["dg"], django_capture_on_commit_callbacks)
    assert "Solo se canalizan quejas" in respuesta.content.decode()
    comentario.refresh_from_db()
    assert comentario.estado == Mencion.CLASIFICADA and comentario.vence is None
    assert mail.outbox == []


def test_a_channelled_mention_becomes_a_record_of_the_monitoring_series(
    areas, institucion_compartida, django_capture_on_commit_callbacks
):
    queja = MencionFactory(queja=True)
    canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
    registro = Registro.objects.de_objeto(queja).get()
    assert registro.serie.codigo.endswith("9C.9")
    assert registro.area == "Dirección General"


def test_the_area_answers_and_the_monitor_informs_the_citizen_and_closes(
    areas, django_capture_on_commit_callbacks
):
    queja = MencionFactory(queja=True)
    canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
    area = cliente("area_dg")
    lista = area.get(reverse("asuntos_area:index"))
    assert queja.texto in lista.content.decode()
    respuesta = area.post(
        reverse("asuntos_area:responder", args=[queja.pk]),
        {"texto": "Se revisó el caso; el pago sale el viernes."},
    )
    assert respuesta.status_code == 302
    queja.refresh_from_db()
    assert queja.estado == Mencion.RESPONDIDA
    assert queja.respondida_por.username == "area_dg"

    respuesta = cliente("monitoreo").post(
        reverse(SEGUIMIENTO, args=[queja.pk]),
        {"accion": "informar", "texto": "Le respondimos por mensaje directo."},
    )
    assert respuesta.status_code == 302
    queja.refresh_from_db()
    assert queja.estado == Mencion.CERRADA
    assert queja.ciudadano_informado_en is not None
    assert queja.informe_ciudadano == "Le respondimos por mensaje directo."


def test_an_area_user_gets_404_on_another_areas_mention(
    areas, django_capture_on_commit_callbacks
):
    ajena = MencionFactory(queja=True)
    canalizar(ajena, areas["torreon"], django_capture_on_commit_callbacks)
    area = cliente("area_dg")
    assert (
        area.get(reverse("asuntos_area:responder", args=[ajena.pk])).status_code == 404
    )
    respuesta = area.post(
        reverse("asuntos_area:responder", args=[ajena.pk]), {"texto": "Intento"}
    )
    assert respuesta.status_code == 404
    ajena.refresh_from_db()
    assert ajena.estado == Mencion.CANALIZADA
    assert ajena.texto not in area.get(reverse("asuntos_area:index")).content.decode()


VISTAS_DE_MENCION = ["edit", "history", "usage", "delete", "inspect", "seguimiento"]


@pytest.mark.parametrize("usuario", ["area_dg", "editor", "archivo", "enlace"])
def test_only_the_desk_sees_mentions_in_the_admin(usuario, areas):
    """Personal data: outside Monitoreo, Coordinación, Titular, every view refuses."""
    mencion = MencionFactory(queja=True, area=areas["dg"])
    c = cliente(usuario)
    lista = reverse("wagtailsnippets_monitoreo_mencion:list")
    for url in (lista, lista + "?export=csv", lista + "?export=xlsx"):
        assert c.get(url).status_code in (302, 403)
    for vista in VISTAS_DE_MENCION:
        url = reverse(f"wagtailsnippets_monitoreo_mencion:{vista}", args=[mencion.pk])
        respuesta = c.get(url)
        assert respuesta.status_code in (302, 403), (vista, respuesta.status_code)
        assert mencion.autor not in respuesta.content.decode()


@pytest.mark.parametrize("usuario", ["monitoreo", "coordinacion", "titular"])
def test_the_desk_and_the_heads_see_the_mention(usuario, areas):
    mencion = MencionFactory(queja=True, area=areas["dg"])
    respuesta = cliente(usuario).get(reverse(SEGUIMIENTO, args=[mencion.pk]))
    assert respuesta.status_code == 200
    assert mencion.autor in respuesta.content.decode()


def test_escalation_emails_go_out_on_the_due_day_and_the_day_after(
    areas, django_capture_on_commit_callbacks
):
    with freeze_time("2026-09-11 10:00"):
        queja = MencionFactory(queja=True)
        canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with freeze_time("2026-09-18 09:00"):  # the day before: nothing
        call_command("escalar_menciones")
    assert mail.outbox == []
    with freeze_time("2026-09-21 09:00"):  # due today: área and Coordinación
        call_command("escalar_menciones")
        call_command("escalar_menciones")  # once only
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {
        "atencion@cepru.gob.mx",
        "coordinacion@cepru.gob.mx",
    }
    assert "Vence hoy" in mail.outbox[0].subject
    with freeze_time("2026-09-22 09:00"):  # the day after: the Titular
        call_command("escalar_menciones")
        call_command("escalar_menciones")
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["titular@cepru.gob.mx"]
    assert "Vencida" in mail.outbox[1].subject


def test_an_answered_mention_does_not_escalate(
    areas, django_capture_on_commit_callbacks
):
    with freeze_time("2026-09-11 10:00"):
        queja = MencionFactory(queja=True)
        canalizar(queja, areas["dg"], django_capture_on_commit_callbacks)
        cliente("area_dg").post(
            reverse("asuntos_area:responder", args=[queja.pk]), {"texto": "Atendido."}
        )
    mail.outbox.clear()
    with freeze_time("2026-09-22 09:00"):
        call_command("escalar_menciones")
    assert mail.outbox == []


def test_an_interview_is_recorded_with_its_recording_on_the_mention(areas):
    queja = MencionFactory(queja=True)
    respuesta = cliente("monitoreo").post(
        reverse("wagtailsnippets_monitoreo_entrevista:add"),
        {
            "mencion": queja.pk,
            "medio": queja.medio_id,
            "fecha": "2026-11-24 08:30",
            "vocero": "Mtra. Patricia Valdés Garza",
            "notas": "Aclaración en Enfoque Matutino.",
            "grabacion": SimpleUploadedFile("entrevista.mp3", b"ID3" + b"\0" * 64),
        },
    )
    assert respuesta.status_code == 302
    entrevista = Entrevista.objects.get()
    assert entrevista.mencion == queja and entrevista.grabacion.name.endswith(".mp3")
    assert denegada(
        cliente("editor").get(reverse("wagtailsnippets_monitoreo_entrevista:list"))
    )
