"""The dashboard's moderation queue, through the real admin."""

from datetime import timedelta

from django.urls import reverse
from wagtail.models import WorkflowState

from boletines.models import BoletinPage
from tests.admin import cliente, crear_y_enviar, datos_boletin, editar
from tests.factories import BoletinPageFactory
from workflows.models import Urgencia


def _panel(usuario):
    html = cliente(usuario).get("/admin/").content.decode()
    assert "Pendiente de tu revisión" in html
    inicio = html.index("Pendiente de tu revisión")
    return html[inicio : html.index("</section>", inicio)]


def test_coordinacion_sees_what_waits_for_it_with_type_author_and_wait(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Boletín en la cola de Coordinación")
    estado = WorkflowState.objects.for_instance(boletin).get()
    estado.created_at -= timedelta(hours=3)
    estado.save()

    panel = _panel("coordinacion")

    assert "Boletín en la cola de Coordinación" in panel
    assert "Boletín" in panel  # the item type
    assert "Ana López Treviño" in panel  # the author
    assert "3\xa0horas" in panel  # how long it has waited
    assert "Revisión de Coordinación" in panel


def test_titular_does_not_see_items_still_with_coordinacion(institucion_compartida):
    crear_y_enviar("editor", "Todavía en Coordinación")
    assert "Todavía en Coordinación" not in _panel("titular")


def test_an_urgent_submission_goes_first_in_the_queue(institucion_compartida):
    crear_y_enviar("editor", "Boletín ordinario")
    sala = BoletinPage.objects.get(title="Boletín ordinario").get_parent()
    respuesta = cliente("editor").post(
        reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk)),
        datos_boletin(
            "Video extemporáneo de la visita", **{"action-submit": "urgente"}
        ),
    )
    assert respuesta.status_code == 302
    urgente = BoletinPage.objects.get(title="Video extemporáneo de la visita")
    marca = Urgencia.objects.get()
    assert marca.workflow_state == urgente.current_workflow_state
    assert marca.marcada_por.username == "editor"

    panel = _panel("coordinacion")
    assert panel.index("Video extemporáneo de la visita") < panel.index(
        "Boletín ordinario"
    )
    assert "Urgente" in panel


def test_the_queue_links_to_what_changed_since_the_live_version(institucion_compartida):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala,
        sumario="El equipo «Halcones Mecatrónicos» representará a Coahuila.",
        publicada=True,
        con_fotos=True,
    )
    editar("editor", boletin, accion="action-submit", sumario="Sumario corregido.")
    revision = BoletinPage.objects.get(pk=boletin.pk).latest_revision_id

    panel = _panel("coordinacion")
    comparar = reverse(
        "wagtailadmin_pages:revisions_compare", args=(boletin.pk, "live", revision)
    )
    assert comparar in panel
    diferencias = cliente("coordinacion").get(comparar)
    assert diferencias.status_code == 200
    assert "Sumario corregido." in diferencias.content.decode()


def test_an_author_in_the_group_is_told_someone_else_must_approve(
    institucion_compartida,
):
    crear_y_enviar("coordinacion", "Propuesta de Coordinación")
    assert "otra persona debe aprobarlo" in _panel("coordinacion")
