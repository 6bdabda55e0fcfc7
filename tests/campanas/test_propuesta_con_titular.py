"""Campus material goes public on the Titular's word, and enlaces keep off the
public campus section (000 step 1, 001 §3.1)."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import PlantelPage, PropuestaPage
from tests.admin import accion, cliente, denegada, tarea_actual


def _datos(titulo, slug="propuesta", **extra):
    return nested_form_data(
        {
            "title": titulo,
            "slug": slug,
            "fecha": "2026-11-20",
            "descripcion": rich_text("<p>Fotos y datos de la actividad.</p>"),
            "comments": inline_formset([]),
            **extra,
        }
    )


def _proponer(titulo, enviar=True):
    plantel = PlantelPage.objects.get(slug="torreon")
    url = reverse("wagtailadmin_pages:add", args=("home", "propuestapage", plantel.pk))
    extra = {"action-submit": "1"} if enviar else {}
    respuesta = cliente("enlace").post(url, _datos(titulo, **extra))
    assert respuesta.status_code == 302
    return PropuestaPage.objects.get(title=titulo)


def test_a_campus_proposal_needs_coordinacion_and_then_the_titular(
    institucion_compartida,
):
    propuesta = _proponer("Feria de ciencias con autorización")

    assert not denegada(accion("coordinacion", propuesta, "approve", ""))
    propuesta = PropuestaPage.objects.get(pk=propuesta.pk)
    assert not propuesta.live
    assert tarea_actual(propuesta).task.name == "Autorización de la Titular"

    assert not denegada(accion("titular", propuesta, "approve", ""))
    assert PropuestaPage.objects.get(pk=propuesta.pk).live


def test_an_enlace_cannot_edit_the_public_campus_section(institucion_compartida):
    torreon = institucion_compartida.planteles["torreon"]
    url = reverse("wagtailadmin_pages:edit", args=(torreon.pk,))
    enlace = cliente("enlace")

    assert denegada(enlace.get(url))
    datos = nested_form_data(
        {
            "title": "Plantel Torreón (editado por el enlace)",
            "slug": torreon.slug,
            "director": "Otra persona",
            "presentacion": rich_text("<p>Cambio sin autorización.</p>"),
            "comments": inline_formset([]),
            "action-submit": "1",
        }
    )
    assert denegada(enlace.post(url, datos))

    torreon = PlantelPage.objects.get(pk=torreon.pk)
    assert torreon.title == "Plantel Torreón"
    assert not torreon.has_unpublished_changes
    assert torreon.current_workflow_state is None


def test_an_enlace_still_edits_their_own_proposal(institucion_compartida):
    propuesta = _proponer("Propuesta que el enlace corrige", enviar=False)
    url = reverse("wagtailadmin_pages:edit", args=(propuesta.pk,))

    respuesta = cliente("enlace").post(
        url, _datos("Propuesta corregida por el enlace", slug=propuesta.slug)
    )

    assert respuesta.status_code == 302
    propuesta = PropuestaPage.objects.get(pk=propuesta.pk)
    assert propuesta.get_latest_revision_as_object().title == (
        "Propuesta corregida por el enlace"
    )
