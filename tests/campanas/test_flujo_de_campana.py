"""The Campaña workflow, end to end through the admin: only the Titular authorises."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from campanas.models import CampanaIndexPage, CampanaPage
from tests.admin import accion, cliente, denegada

TITULO = "Semana de la salud mental"


def _enviar(titulo, slug, inicio, fin):
    """The editor creates a campaign in the admin and submits it."""
    seccion = CampanaIndexPage.objects.get()
    datos = nested_form_data(
        {
            "title": titulo,
            "slug": slug,
            "tema": "Salud mental de las y los adolescentes",
            "objetivo": "Que el alumnado conozca dónde pedir ayuda.",
            "inicio": inicio,
            "fin": fin,
            "descripcion": rich_text("<p>Pláticas y publicaciones diarias.</p>"),
            "materiales": inline_formset([]),
            "publicaciones": inline_formset([]),
            "comments": inline_formset([]),
            "action-submit": "Enviar",
        }
    )
    url = reverse(
        "wagtailadmin_pages:add", args=("campanas", "campanapage", seccion.pk)
    )
    return cliente("editor").post(url, datos)


def _enviar_campana():
    respuesta = _enviar(TITULO, "semana-salud-mental", "2026-12-01", "2026-12-07")
    assert respuesta.status_code == 302
    return CampanaPage.objects.get(title=TITULO)


def test_campaign_goes_live_when_the_titular_authorises_it(institucion_compartida):
    campana = _enviar_campana()
    estado = campana.current_workflow_task_state
    assert estado.task.name == "Autorización de la Titular"

    assert denegada(accion("coordinacion", campana, "approve", ""))
    assert not CampanaPage.objects.get(pk=campana.pk).live
    assert not denegada(accion("titular", campana, "approve", ""))
    assert CampanaPage.objects.get(pk=campana.pk).live


def test_a_campaign_ending_before_it_starts_is_refused_in_spanish(
    institucion_compartida,
):
    respuesta = _enviar(
        "Campaña al revés", "campana-al-reves", "2026-12-07", "2026-12-01"
    )
    assert respuesta.status_code == 200
    assert (
        "La campaña no puede terminar antes de empezar." in respuesta.content.decode()
    )
    assert not CampanaPage.objects.filter(title="Campaña al revés").exists()
