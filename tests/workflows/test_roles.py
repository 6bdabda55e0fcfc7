"""The roles of docs/roles.md get the page rights Wagtail enforces for them."""

import pytest
from django.contrib.auth import get_user_model

from boletines.models import BoletinIndexPage, BoletinPage
from tests.factories import BoletinPageFactory


@pytest.fixture(scope="module", autouse=True)
def boletin_publicado(institucion_del_modulo):
    """The live boletín whose rights each role gets."""
    return BoletinPageFactory(parent=institucion_del_modulo.sala, publicada=True)


def _permisos(usuario, pagina):
    return pagina.permissions_for_user(get_user_model().objects.get(username=usuario))


@pytest.mark.parametrize("usuario", ["editor", "coordinacion", "titular"])
def test_editors_coordination_and_titular_draft_in_the_newsroom(
    institucion_compartida, usuario
):
    boletin = BoletinPage.objects.live().first()
    permisos = _permisos(usuario, boletin)
    assert permisos.can_edit()
    assert not permisos.can_publish()
    assert _permisos(usuario, BoletinIndexPage.objects.get()).can_add_subpage()


@pytest.mark.parametrize("usuario", ["editor", "coordinacion", "titular"])
def test_no_role_publishes_directly_publication_comes_from_the_workflow(
    institucion_compartida, usuario
):
    assert not _permisos(usuario, BoletinPage.objects.live().first()).can_publish()


@pytest.mark.parametrize("usuario", ["archivo", "monitoreo", "enlace"])
def test_archive_monitoring_and_campus_liaisons_cannot_edit_the_newsroom(
    institucion_compartida, usuario
):
    permisos = _permisos(usuario, BoletinPage.objects.live().first())
    assert not permisos.can_edit()
    assert not permisos.can_publish()
    assert not _permisos(usuario, BoletinIndexPage.objects.get()).can_add_subpage()
