"""docs/roles.md, cell by cell, through the real admin views."""

import pytest
from django.urls import reverse

from boletines.models import BoletinIndexPage, BoletinPage
from campanas.models import CampanaIndexPage
from home.models import PlantelPage
from tests.admin import cliente, denegada
from tests.factories import BoletinPageFactory

ROLES = ["editor", "enlace", "coordinacion", "titular", "archivo", "monitoreo"]


def _url(nombre):
    sala = BoletinIndexPage.objects.get()
    campanas = CampanaIndexPage.objects.get()
    boletin = BoletinPage.objects.live().first()
    torreon = PlantelPage.objects.get(slug="torreon")
    saltillo = PlantelPage.objects.get(slug="saltillo")
    return {
        "proponer_en_torreon": reverse(
            "wagtailadmin_pages:add", args=("home", "propuestapage", torreon.pk)
        ),
        "proponer_en_saltillo": reverse(
            "wagtailadmin_pages:add", args=("home", "propuestapage", saltillo.pk)
        ),
        "crear_boletin": reverse(
            "wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk)
        ),
        "crear_campana": reverse(
            "wagtailadmin_pages:add", args=("campanas", "campanapage", campanas.pk)
        ),
        "editar_boletin": reverse("wagtailadmin_pages:edit", args=(boletin.pk,)),
        "subir_imagen": reverse("wagtailimages:add"),
        "subir_documento": reverse("wagtaildocs:add"),
        "bitacora": reverse("bitacora:index"),
        "retirar_por_error": reverse("retirar_por_error", args=(boletin.pk,)),
        "despublicar": reverse("wagtailadmin_pages:unpublish", args=(boletin.pk,)),
    }[nombre]


@pytest.fixture(scope="module")
def boletin_publicado(institucion_del_modulo):
    """The live boletín whose edit, takedown and unpublish the matrix opens."""
    return BoletinPageFactory(parent=institucion_del_modulo.sala, publicada=True)


# action -> the roles allowed to open it; every other role is refused.
MATRIZ = {
    "proponer_en_torreon": {"editor", "enlace", "coordinacion", "titular"},
    "proponer_en_saltillo": {"editor", "coordinacion", "titular"},  # enlace: Torreón
    "crear_boletin": {"editor", "coordinacion", "titular"},
    "crear_campana": {"editor", "coordinacion", "titular"},
    "editar_boletin": {"editor", "coordinacion", "titular"},
    "subir_imagen": {"editor", "enlace", "coordinacion", "titular"},
    "subir_documento": {"editor", "enlace", "coordinacion", "titular"},
    "bitacora": {"archivo"},
    "retirar_por_error": {"titular"},
    "despublicar": set(),  # only "Retirar por error", which leaves a reason
}


@pytest.mark.parametrize("usuario", ROLES)
def test_role_matrix_row(institucion_compartida, boletin_publicado, usuario):
    """Every action of the matrix for one role: allowed opens, refused redirects."""
    cliente_del_rol = cliente(usuario)
    errores = []
    for accion, permitidos in MATRIZ.items():
        respuesta = cliente_del_rol.get(_url(accion))
        permitido = respuesta.status_code == 200
        rechazado = denegada(respuesta) or respuesta.status_code == 403
        if usuario in permitidos and not permitido:
            errores.append(f"{usuario} debería poder {accion}")
        if usuario not in permitidos and not rechazado:
            errores.append(f"{usuario} no debería poder {accion}")
    assert errores == []
