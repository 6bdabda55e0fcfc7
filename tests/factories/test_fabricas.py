"""The factories build what their traits promise, through Wagtail's own publishing."""

from wagtail.models import WorkflowState

from boletines.models import BoletinPage

from . import BoletinPageFactory, CampanaPageFactory


def test_the_institution_gives_each_role_its_group_and_each_section_its_workflow(
    institucion_compartida,
):
    usuarios = institucion_compartida.usuarios
    assert usuarios["coordinacion"].groups.filter(name="Coordinación").exists()
    assert usuarios["enlace"].groups.filter(name__startswith="Enlaces —").exists()
    assert institucion_compartida.sala.get_workflow().name == "Boletín"
    assert institucion_compartida.sala.live
    assert institucion_compartida.sitio.root_page_id == institucion_compartida.inicio.pk


def test_a_published_boletin_with_photos_is_live_with_its_folio(institucion_compartida):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, con_fotos=True, publicada=True
    )
    assert boletin.live and boletin.fotos.count() == 1
    assert boletin.folio_texto.startswith("Boletín 1/")


def test_an_embargoed_boletin_is_scheduled_not_live(institucion_compartida):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, embargado=True, publicada=True
    )
    assert not boletin.live
    assert boletin.get_latest_revision().approved_go_live_at is not None


def test_a_boletin_in_the_workflow_waits_for_coordinacion(institucion_compartida):
    editor = institucion_compartida.usuarios["editor"]
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, fotos=2, en_flujo=True, autor=editor
    )
    estado = WorkflowState.objects.for_instance(boletin).get()
    assert estado.current_task_state.task.name == "Revisión de Coordinación"
    assert len(boletin.get_latest_revision().content["fotos"]) == 2


def test_a_draft_stays_a_draft_and_tests_do_not_see_each_others_pages(
    institucion_compartida,
):
    assert not BoletinPage.objects.exists()  # the tests above were rolled back
    borrador = CampanaPageFactory(parent=institucion_compartida.campanas)
    assert not borrador.live and borrador.has_unpublished_changes
