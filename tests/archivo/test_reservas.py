"""The legal hold: every step in Wagtail's audit log, lifted only with the Titular."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from archivo.models import Disposicion, Registro
from tests.admin import cliente

MOTIVO = "Solicitud de acceso a la información 0789/2026"


@pytest.fixture
def registro(publicaciones):
    """A campaign's record whose period ended (its series goes to disposal)."""
    registro = Registro.objects.filter(tipo="Campaña").get()
    Registro.objects.filter(pk=registro.pk).update(
        fin_tramite=datetime.date(2023, 1, 1),
        fin_concentracion=datetime.date(2025, 1, 1),
    )
    return registro


def _reserva(usuario, registro, accion, **datos):
    return cliente(usuario).post(
        reverse("archivo_reserva", args=(registro.pk,)), {"accion": accion, **datos}
    )


def _bitacora(registro):
    return list(
        ModelLogEntry.objects.for_instance(registro)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username", "data")
    )


def test_each_hold_step_is_an_audit_log_entry_with_who_and_why(registro):
    _reserva("archivo", registro, "reservar", motivo=MOTIVO)
    _reserva("archivo", registro, "pedir_levantamiento", motivo="Se atendió la SAI")
    registro.refresh_from_db()
    assert registro.reserva  # asking is not lifting

    respuesta = _reserva(
        "titular", registro, "aprobar_levantamiento", comentario="Procede"
    )
    assert respuesta["Location"] == reverse("archivo_disposiciones")

    registro.refresh_from_db()
    assert not registro.reserva and not registro.levantamiento_pedido_en
    acciones = _bitacora(registro)
    assert [(a, u) for a, u, _d in acciones] == [
        ("archivo.reservar", "archivo"),
        ("archivo.pedir_levantamiento", "archivo"),
        ("archivo.levantar_reserva", "titular"),
    ]
    assert acciones[0][2]["motivo"] == MOTIVO
    assert acciones[2][2]["motivo"] == "Se atendió la SAI"
    assert acciones[2][2]["comentario"] == "Procede"
    pagina = cliente("archivo").get(reverse("archivo_reserva", args=(registro.pk,)))
    html = pagina.content.decode()
    assert f"Reservado: {MOTIVO}" in html
    assert "Reserva levantada a petición de Miguel Hernández Cruz" in html
    assert "Patricia Valdés Garza" in html  # who lifted it


def test_the_archivist_cannot_lift_a_hold_alone(registro):
    _reserva("archivo", registro, "reservar", motivo=MOTIVO)
    # The old form lifted it with one unticked checkbox.
    _reserva("archivo", registro, "quitar", motivo="")
    _reserva("archivo", registro, "pedir_levantamiento", motivo="Ya no aplica")
    _reserva("archivo", registro, "aprobar_levantamiento")
    registro.refresh_from_db()
    assert registro.reserva

    # Nobody approves their own request, a superuser neither.
    admin = get_user_model().objects.get(username="admin")
    _reserva("titular", registro, "rechazar_levantamiento", comentario="Sigue la SAI")
    registro.refresh_from_db()
    assert registro.reserva and not registro.levantamiento_pedido_en
    _reserva("admin", registro, "pedir_levantamiento", motivo="Revisión propia")
    respuesta = _reserva("admin", registro, "aprobar_levantamiento")
    assert respuesta.status_code == 302
    registro.refresh_from_db()
    assert registro.reserva and registro.levantamiento_pedido_por == admin
    assert "archivo.rechazar_levantamiento" in [a for a, _u, _d in _bitacora(registro)]


def test_the_titular_sees_the_pending_requests_among_dispositions(registro):
    _reserva("archivo", registro, "reservar", motivo=MOTIVO)
    _reserva("archivo", registro, "pedir_levantamiento", motivo="Concluyó el juicio")
    html = cliente("titular").get(reverse("archivo_disposiciones")).content.decode()
    assert "Concluyó el juicio" in html
    assert reverse("archivo_reserva", args=(registro.pk,)) in html


def test_a_disposal_is_refused_when_a_hold_was_lifted_after_its_approval(registro):
    archivo = cliente("archivo")
    archivo.post(
        reverse("archivo_disposiciones") + "?tipo=baja",
        {"registros": [registro.pk], "justificacion": "Dictamen 9/2026"},
    )
    acta = Disposicion.objects.get()
    url = reverse("archivo_disposicion", args=(acta.pk,))
    cliente("titular").post(url, {"accion": "aprobar"})
    _reserva("archivo", registro, "reservar", motivo=MOTIVO)
    _reserva("archivo", registro, "pedir_levantamiento", motivo="Se resolvió")
    _reserva("titular", registro, "aprobar_levantamiento")

    respuesta = archivo.post(url, {"accion": "ejecutar"}, follow=True)

    assert "después de que se aprobó esta disposición" in respuesta.content.decode()
    acta.refresh_from_db()
    registro.refresh_from_db()
    assert acta.estado == Disposicion.APROBADA
    assert registro.disposicion == ""
