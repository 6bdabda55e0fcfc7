"""The demo roles get the page rights Wagtail enforces for them."""

import pytest
from django.contrib.auth import get_user_model

from boletines.models import BoletinIndexPage, BoletinPage


def _permisos(usuario, pagina):
    return pagina.permissions_for_user(get_user_model().objects.get(username=usuario))


@pytest.mark.parametrize("usuario", ["editor", "coordinacion"])
def test_editors_and_coordination_draft_but_cannot_publish(demo, usuario):
    boletin = BoletinPage.objects.live().first()
    permisos = _permisos(usuario, boletin)
    assert permisos.can_edit()
    assert not permisos.can_publish()
    assert _permisos(usuario, BoletinIndexPage.objects.get()).can_add_subpage()


def test_titular_may_publish(demo):
    assert _permisos("titular", BoletinPage.objects.live().first()).can_publish()


@pytest.mark.parametrize("usuario", ["archivo", "monitoreo", "enlace"])
def test_archive_monitoring_and_campus_liaisons_cannot_edit_the_newsroom(demo, usuario):
    permisos = _permisos(usuario, BoletinPage.objects.live().first())
    assert not permisos.can_edit()
    assert not permisos.can_publish()
    assert not _permisos(usuario, BoletinIndexPage.objects.get()).can_add_subpage()
