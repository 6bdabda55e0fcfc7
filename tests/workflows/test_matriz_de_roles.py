"""docs/roles.md, cell by cell, through the real admin views."""

import pytest
from django.urls import reverse

from boletines.models import BoletinIndexPage, BoletinPage
from campanas.models import CampanaIndexPage
from home.models import PlantelPage
from media_library.models import Documento, Imagen
from tests.admin import cliente, denegada
from tests.factories import BoletinPageFactory, DocumentoFactory, ImagenFactory

ROLES = ["editor", "enlace", "coordinacion", "titular", "archivo", "monitoreo"]


def _url(nombre):
    sala = BoletinIndexPage.objects.get()
    campanas = CampanaIndexPage.objects.get()
    boletin = BoletinPage.objects.live().first()
    torreon = PlantelPage.objects.get(slug="torreon")
    imagenes = {i.uploaded_by_user.username: i.pk for i in Imagen.objects.all()}
    documentos = {d.uploaded_by_user.username: d.pk for d in Documento.objects.all()}
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
        "editar_imagen_del_enlace": reverse(
            "wagtailimages:edit", args=(imagenes["enlace"],)
        ),
        "editar_imagen_del_editor": reverse(
            "wagtailimages:edit", args=(imagenes["editor"],)
        ),
        "borrar_imagen_del_enlace": reverse(
            "wagtailimages:delete", args=(imagenes["enlace"],)
        ),
        "borrar_imagen_del_editor": reverse(
            "wagtailimages:delete", args=(imagenes["editor"],)
        ),
        "borrar_documento_del_enlace": reverse(
            "wagtaildocs:delete", args=(documentos["enlace"],)
        ),
        "borrar_documento_del_editor": reverse(
            "wagtaildocs:delete", args=(documentos["editor"],)
        ),
        "bitacora": reverse("bitacora:index"),
        "retirar_por_error": reverse("retirar_por_error", args=(boletin.pk,)),
        "despublicar": reverse("wagtailadmin_pages:unpublish", args=(boletin.pk,)),
    }[nombre]


@pytest.fixture(scope="module")
def boletin_publicado(institucion_del_modulo):
    """The live boletín whose edit, takedown and unpublish the matrix opens."""
    return BoletinPageFactory(parent=institucion_del_modulo.sala, publicada=True)


@pytest.fixture
def medios(institucion_compartida):
    """A photo and a document uploaded by the enlace, and another pair by an editor.

    Per test: a photo's delete page shows a rendition, made from the test's files.
    """
    for autor in ("enlace", "editor"):
        usuario = institucion_compartida.usuarios[autor]
        ImagenFactory(uploaded_by_user=usuario)
        DocumentoFactory(uploaded_by_user=usuario)


# action -> the roles allowed to open it; every other role is refused.
MATRIZ = {
    "proponer_en_torreon": {"editor", "enlace", "coordinacion", "titular"},
    "proponer_en_saltillo": {"editor", "coordinacion", "titular"},  # enlace: Torreón
    "crear_boletin": {"editor", "coordinacion", "titular"},
    "crear_campana": {"editor", "coordinacion", "titular"},
    "editar_boletin": {"editor", "coordinacion", "titular"},
    "subir_imagen": {"editor", "enlace", "coordinacion", "titular"},
    "subir_documento": {"editor", "enlace", "coordinacion", "titular"},
    # Enlaces edit the details of their own uploads only; only the Titular deletes
    # (media_library/politicas.py: Wagtail alone lets whoever may edit delete).
    "editar_imagen_del_enlace": {"editor", "enlace", "coordinacion", "titular"},
    "editar_imagen_del_editor": {"editor", "coordinacion", "titular"},
    "borrar_imagen_del_enlace": {"titular"},
    "borrar_imagen_del_editor": {"titular"},
    "borrar_documento_del_enlace": {"titular"},
    "borrar_documento_del_editor": {"titular"},
    "bitacora": {"archivo"},
    "retirar_por_error": {"titular"},
    "despublicar": set(),  # only "Retirar por error", which leaves a reason
}


@pytest.mark.parametrize("usuario", ROLES)
def test_role_matrix_row(institucion_compartida, boletin_publicado, medios, usuario):
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


def _borrar(usuario, modelo, pk):
    app = "wagtailimages" if modelo is Imagen else "wagtaildocs"
    respuesta = cliente(usuario).post(reverse(f"{app}:delete", args=(pk,)))
    return respuesta, modelo.objects.filter(pk=pk).exists()


@pytest.mark.parametrize("modelo", [Imagen, Documento])
def test_only_the_titular_deletes_a_photo_or_document(medios, modelo):
    del_enlace = modelo.objects.get(uploaded_by_user__username="enlace").pk
    del_editor = modelo.objects.get(uploaded_by_user__username="editor").pk

    for usuario, pk in (
        ("enlace", del_enlace),
        ("editor", del_editor),
        ("editor", del_enlace),
        ("coordinacion", del_editor),
    ):
        respuesta, sigue = _borrar(usuario, modelo, pk)
        assert sigue and denegada(respuesta), f"{usuario} borró {pk}"

    respuesta, sigue = _borrar("titular", modelo, del_editor)
    assert respuesta.status_code == 302 and not sigue


@pytest.mark.parametrize("modelo", [Imagen, Documento])
def test_bulk_deletion_of_media_is_the_titulars_too(medios, modelo):
    pk = modelo.objects.get(uploaded_by_user__username="editor").pk
    opciones = modelo._meta
    url = reverse(
        "wagtail_bulk_action", args=(opciones.app_label, opciones.model_name, "delete")
    )
    cliente("coordinacion").post(f"{url}?id={pk}")
    assert modelo.objects.filter(pk=pk).exists()
    cliente("titular").post(f"{url}?id={pk}")
    assert not modelo.objects.filter(pk=pk).exists()
