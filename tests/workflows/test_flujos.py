"""The approval workflows through the real admin views."""

from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from boletines.models import BoletinPage
from tests.admin import (
    accion,
    cliente,
    crear_y_enviar,
    denegada,
    editar,
    tarea_actual,
    usuario_extra,
)
from tests.factories import BoletinPageFactory


def _tareas(pagina):
    return [t.name for t in pagina.get_workflow().tasks]


def test_boletin_goes_live_only_after_coordinacion_and_titular_approve(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Boletín con doble aprobación")
    assert not boletin.live
    assert tarea_actual(boletin).task.name == "Revisión de Coordinación"

    assert not denegada(accion("coordinacion", boletin, "approve", ""))
    boletin.refresh_from_db()
    assert not boletin.live
    assert tarea_actual(boletin).task.name == "Autorización de la Titular"

    assert not denegada(accion("titular", boletin, "approve", ""))
    boletin.refresh_from_db()
    assert boletin.live
    assert WorkflowState.objects.for_instance(boletin).get().status == "approved"


def test_nobody_publishes_a_boletin_from_the_editor_not_even_the_titular(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Intento de publicar sin aprobación")

    editar("editor", boletin, accion="action-publish")
    assert not BoletinPage.objects.get(pk=boletin.pk).live
    editar("titular", boletin, accion="action-publish")
    assert not BoletinPage.objects.get(pk=boletin.pk).live


def test_titular_cannot_skip_coordinacions_review(institucion_compartida):
    boletin = crear_y_enviar("editor", "La Titular no se salta la revisión")

    assert denegada(accion("titular", boletin, "approve", ""))
    assert tarea_actual(boletin).task.name == "Revisión de Coordinación"
    assert not BoletinPage.objects.get(pk=boletin.pk).live


def test_nobody_approves_what_they_submitted_even_inside_the_group(
    institucion_compartida,
):
    boletin = crear_y_enviar("coordinacion", "Enviado por Coordinación")

    assert denegada(accion("coordinacion", boletin, "approve", ""))
    assert tarea_actual(boletin).task.name == "Revisión de Coordinación"

    usuario_extra("coordinacion2", "Coordinación")
    assert not denegada(accion("coordinacion2", boletin, "approve", ""))
    assert tarea_actual(boletin).task.name == "Autorización de la Titular"


def test_a_superuser_cannot_approve_their_own_submission(institucion_compartida):
    usuario_extra("jefa", None, superusuario=True)
    boletin = crear_y_enviar("jefa", "Enviado por una superusuaria")

    assert denegada(accion("jefa", boletin, "approve", ""))
    assert tarea_actual(boletin).task.name == "Revisión de Coordinación"
    assert not denegada(accion("admin", boletin, "approve", ""))
    assert tarea_actual(boletin).task.name == "Autorización de la Titular"


def test_whoever_last_edited_the_revision_in_review_cannot_approve_it(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Editado durante la revisión")

    respuesta = editar("coordinacion", boletin, sumario="Corregido por Coordinación.")
    assert respuesta.status_code == 302
    boletin = BoletinPage.objects.get(pk=boletin.pk)
    assert boletin.latest_revision.user.username == "coordinacion"

    assert denegada(accion("coordinacion", boletin, "approve", ""))
    usuario_extra("coordinacion2", "Coordinación")
    # The task in progress was opened on the submitted revision; approving it
    # re-opens the review on the edited one (reapproval on edit), which
    # coordinacion still cannot approve and coordinacion2 can.
    assert not denegada(accion("coordinacion2", boletin, "approve", ""))
    assert tarea_actual(boletin).revision_id == boletin.latest_revision_id
    assert denegada(accion("coordinacion", boletin, "approve", ""))
    assert not denegada(accion("coordinacion2", boletin, "approve", ""))
    assert tarea_actual(boletin).task.name == "Autorización de la Titular"


def test_requesting_changes_without_a_reason_is_refused_in_spanish(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Rechazo sin motivo")

    respuesta = accion("coordinacion", boletin, "reject", "  ", ajax=True)

    assert respuesta.status_code == 200
    assert "Escribe qué hay que cambiar" in respuesta.json()["html"]
    estado = tarea_actual(boletin)
    assert estado.status == TaskState.STATUS_IN_PROGRESS


def test_requesting_changes_with_a_reason_sends_the_item_back_with_it(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Rechazo con motivo")
    estado = tarea_actual(boletin)

    respuesta = accion(
        "coordinacion", boletin, "reject", "Falta el crédito de la foto."
    )

    assert respuesta.status_code == 302
    estado.refresh_from_db()
    assert estado.status == TaskState.STATUS_REJECTED
    assert estado.comment == "Falta el crédito de la foto."
    flujo = WorkflowState.objects.for_instance(boletin).get()
    assert flujo.status == WorkflowState.STATUS_NEEDS_CHANGES
    editor = cliente("editor")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(boletin.pk,)))
    assert "Falta el crédito de la foto." in html.content.decode()


def test_not_even_a_superuser_publishes_a_governed_page_from_the_editor(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "El administrador tampoco publica")
    editar_url = reverse("wagtailadmin_pages:edit", args=(boletin.pk,))
    assert (
        'name="action-publish"' not in cliente("admin").get(editar_url).content.decode()
    )

    respuesta = editar("admin", boletin, accion="action-publish")

    assert respuesta.status_code == 302
    assert not BoletinPage.objects.get(pk=boletin.pk).live
    mensajes = [str(m) for m in get_messages(respuesta.wsgi_request)]
    assert any("solo publica al aprobarse su flujo" in m for m in mensajes)


def test_an_edit_during_review_sends_the_item_back_to_the_first_approval(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Editado por la Titular en revisión")
    accion("coordinacion", boletin, "approve", "")

    assert editar("titular", boletin, sumario="Cambio de la Titular").status_code == 302
    usuario_extra("titular2", "Titular")
    assert not denegada(accion("titular2", boletin, "approve", ""))

    boletin = BoletinPage.objects.get(pk=boletin.pk)
    assert not boletin.live
    assert tarea_actual(boletin).task.name == "Revisión de Coordinación"


def test_editing_a_live_boletin_keeps_the_live_version_until_approved(
    client, institucion_compartida
):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, con_fotos=True
    )
    nuevo = "Sumario corregido que aún no se aprueba."
    editar("editor", boletin, accion="action-submit", sumario=nuevo)

    assert nuevo not in client.get(boletin.url).content.decode()
    assert BoletinPage.objects.get(pk=boletin.pk).has_unpublished_changes

    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")
    assert nuevo in client.get(boletin.url).content.decode()
