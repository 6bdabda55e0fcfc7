"""Campus liaisons draft only inside their own campus's section."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from boletines.models import BoletinIndexPage
from home.models import PlantelPage, PropuestaPage
from tests.admin import accion, cliente, denegada


def _proponer(usuario, plantel_slug, titulo):
    plantel = PlantelPage.objects.get(slug=plantel_slug)
    datos = nested_form_data(
        {
            "title": titulo,
            "slug": "propuesta",
            "fecha": "2026-11-20",
            "descripcion": rich_text("<p>Fotos y datos de la actividad.</p>"),
            "comments": inline_formset([]),
            "action-submit": "Enviar",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("home", "propuestapage", plantel.pk))
    return cliente(usuario).post(url, datos)


def test_the_torreon_enlace_submits_a_proposal_to_coordinacion_and_the_titular(
    institucion_compartida,
):
    respuesta = _proponer("enlace", "torreon", "Feria de ciencias en Torreón")

    assert respuesta.status_code == 302
    propuesta = PropuestaPage.objects.get(title="Feria de ciencias en Torreón")
    assert not propuesta.live
    assert propuesta.current_workflow_task_state.task.name == "Revisión de Coordinación"
    assert not denegada(accion("coordinacion", propuesta, "approve", ""))
    assert not denegada(accion("titular", propuesta, "approve", ""))
    assert PropuestaPage.objects.get(pk=propuesta.pk).live


def test_an_enlace_cannot_draft_in_another_campus(institucion_compartida):
    respuesta = _proponer("enlace", "saltillo", "Intento en otro plantel")
    assert denegada(respuesta)
    assert not PropuestaPage.objects.exists()


def test_an_enlace_cannot_draft_or_submit_a_boletin(institucion_compartida):

    sala = BoletinIndexPage.objects.get()
    respuesta = cliente("enlace").get(
        reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    )
    assert denegada(respuesta)


def test_the_campus_section_shows_its_published_activities(
    client, institucion_compartida
):
    _proponer("enlace", "torreon", "Torneo de robótica interplanteles")
    propuesta = PropuestaPage.objects.get()
    accion("coordinacion", propuesta, "approve", "")
    accion("titular", propuesta, "approve", "")

    html = client.get("/planteles/torreon/").content.decode()
    assert "Torneo de robótica interplanteles" in html
    assert institucion_compartida.planteles["torreon"].director in html
