"""Nothing under retention is lost: the admin refuses deletion, singly or in bulk."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from archivo.models import Registro
from archivo.publicacion import registro_de
from archivo.resguardo import RegistroEnResguardo
from boletines.models import BoletinPage
from media_library.models import Documento, Imagen
from tests.admin import cliente
from tests.factories import BoletinPageFactory, ImagenFactory


def _mensajes(respuesta):
    return [str(m) for m in get_messages(respuesta.wsgi_request)]


def _vencido(objeto):
    """As if the retention of ``objeto``'s record had ended and it was disposed of."""
    Registro.objects.de_objeto(objeto).update(
        fin_tramite=datetime.date(2020, 1, 1),
        fin_concentracion=datetime.date(2022, 1, 1),
        disposicion=Registro.BAJA,
    )


def _bulk(app, modelo, objetos, **extra):
    url = reverse("wagtail_bulk_action", args=(app, modelo, "delete"))
    ids = "&".join(f"id={o.pk}" for o in objetos)
    return f"{url}?{ids}&next=/admin/"


def _imagen(titulo):
    """A new photo: no page uses it."""
    return ImagenFactory(title=titulo)


def _publicado(institucion, **campos):
    """A live boletín with a photo, on record since its publication."""
    return BoletinPageFactory(
        parent=institucion.sala, publicada=True, con_fotos=True, **campos
    )


def _foto_en_registro():
    """A photo on record, as one published with a boletín and later replaced.

    While a boletín uses it, the photo's foreign key protects it anyway; once
    replaced, only its record keeps it.
    """
    imagen = _imagen("Vacunación en el plantel Monclova")
    registro_de(imagen).save()
    return imagen


def test_deleting_a_boletin_under_retention_is_refused_saying_until_when(
    institucion_compartida,
):
    boletin = _publicado(institucion_compartida)
    registro = Registro.objects.de_objeto(boletin).get()
    url = reverse("wagtailadmin_pages:delete", args=(boletin.pk,))

    for respuesta in (cliente("admin").get(url), cliente("admin").post(url)):
        assert respuesta.status_code == 302
        (mensaje,) = _mensajes(respuesta)
        assert mensaje.startswith("No se puede eliminar: el registro «")
        assert f"hasta el {registro.fin_concentracion:%d/%m/%Y}" in mensaje
        assert "1 año(s) en trámite y 2 en concentración" in mensaje
    assert BoletinPage.objects.filter(pk=boletin.pk).exists()


def test_deleting_the_newsroom_is_refused_for_the_boletines_below_it(
    institucion_compartida,
):
    boletin = _publicado(institucion_compartida)
    sala = boletin.get_parent()
    respuesta = cliente("admin").post(
        reverse("wagtailadmin_pages:delete", args=(sala.pk,))
    )
    assert "No se puede eliminar" in _mensajes(respuesta)[0]
    assert BoletinPage.objects.filter(pk=boletin.pk).exists()


def test_bulk_deletion_of_pages_is_refused_as_a_whole(institucion_compartida):
    boletines = [_publicado(institucion_compartida) for _ in range(2)]
    respuesta = cliente("admin").post(
        _bulk("wagtailcore", "page", boletines), {"confirm": "1"}
    )
    assert respuesta.status_code == 302
    (mensaje,) = _mensajes(respuesta)
    assert "No se puede eliminar" in mensaje
    assert all(b.title in mensaje for b in boletines)
    assert BoletinPage.objects.filter(pk__in=[b.pk for b in boletines]).count() == 2


def test_a_published_photo_cannot_be_deleted_by_the_titular(institucion_compartida):
    imagen = _foto_en_registro()
    respuesta = cliente("titular").post(
        reverse("wagtailimages:delete", args=(imagen.pk,))
    )
    assert respuesta.status_code == 302
    (mensaje,) = _mensajes(respuesta)
    assert f"el registro «{imagen.title}» (serie CEPRU/9C/9C.4" in mensaje
    assert Imagen.objects.filter(pk=imagen.pk).exists()


def test_bulk_deletion_of_images_is_refused_with_the_reason(institucion_compartida):
    imagen = _foto_en_registro()
    sin_usar = _imagen("Foto sin publicar")
    respuesta = cliente("titular").post(
        _bulk("media_library", "imagen", [imagen, sin_usar])
    )
    (mensaje,) = _mensajes(respuesta)
    assert "Fotografías" in mensaje and imagen.title in mensaje
    assert Imagen.objects.filter(pk__in=[imagen.pk, sin_usar.pk]).count() == 2

    # Alone, the never-published photo goes.
    cliente("titular").post(_bulk("media_library", "imagen", [sin_usar]))
    assert not Imagen.objects.filter(pk=sin_usar.pk).exists()


def test_a_document_on_record_cannot_be_deleted_one_by_one_or_in_bulk(
    institucion_compartida,
):
    documento = Documento.objects.create(
        title="Convocatoria de inscripciones 2027",
        file=ContentFile(b"%PDF-1.4 convocatoria", name="convocatoria.pdf"),
    )
    registro_de(documento).save()  # as when a published boletín links it
    for respuesta in (
        cliente("titular").post(reverse("wagtaildocs:delete", args=(documento.pk,))),
        cliente("titular").post(_bulk("media_library", "documento", [documento])),
    ):
        (mensaje,) = _mensajes(respuesta)
        assert "Archivo electrónico" in mensaje
        assert Documento.objects.filter(pk=documento.pk).exists()


def test_a_legal_hold_keeps_an_item_whose_retention_has_ended(
    institucion_compartida,
):
    imagen = _foto_en_registro()
    _vencido(imagen)
    Registro.objects.de_objeto(imagen).update(
        reserva=True, reserva_motivo="Solicitud de acceso a la información 0123/2026"
    )
    respuesta = cliente("titular").post(
        reverse("wagtailimages:delete", args=(imagen.pk,))
    )
    (mensaje,) = _mensajes(respuesta)
    assert "está en reserva" in mensaje and "0123/2026" in mensaje
    assert Imagen.objects.filter(pk=imagen.pk).exists()


def test_once_disposed_of_the_content_may_be_deleted_and_the_record_stays(
    institucion_compartida,
):
    boletin = _publicado(institucion_compartida)
    _vencido(boletin)
    respuesta = cliente("admin").post(
        reverse("wagtailadmin_pages:delete", args=(boletin.pk,))
    )
    assert respuesta.status_code == 302
    assert not BoletinPage.objects.filter(pk=boletin.pk).exists()
    assert Registro.objects.de_objeto(boletin).get().instantaneas.count() == 1


def test_deletion_outside_the_admin_is_refused_too(institucion_compartida):
    imagen = _foto_en_registro()
    boletin = _publicado(institucion_compartida)
    # Django deletes inside a transaction without savepoint: give it one.
    with pytest.raises(RegistroEnResguardo), transaction.atomic():
        imagen.delete()
    with pytest.raises(RegistroEnResguardo), transaction.atomic():
        boletin.delete()
    assert Imagen.objects.filter(pk=imagen.pk).exists()
    assert BoletinPage.objects.filter(pk=boletin.pk).exists()
