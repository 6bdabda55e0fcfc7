"""A photo goes public in /fotografias/ through an approved page, or by the
Titular's own logged action, never by the uploader's tick."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import ModelLogEntry

from media_library.forms import MOSTRAR
from media_library.models import Imagen
from tests.admin import cliente
from tests.factories import GaleriaPageFactory, ImagenFactory


@pytest.fixture(scope="module")
def galeria_del_modulo(institucion_del_modulo):
    return GaleriaPageFactory(parent=institucion_del_modulo.inicio)


@pytest.fixture
def galeria(galeria_del_modulo, institucion_compartida):
    return galeria_del_modulo


def _png():
    salida = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(salida, format="PNG")
    return salida.getvalue()


def _datos(titulo, **campos):
    return {
        "title": titulo,
        "description": f"Descripción de {titulo}",
        "credito": "Comunicación Social",
        "licencia": "Todos los derechos reservados",
        "collection": "1",
        "publico": "on",
        **campos,
    }


def test_an_enlace_ticking_public_on_upload_does_not_publish_the_photo(client, galeria):
    url = reverse("wagtailimages:add")
    assert 'name="publico"' not in cliente("enlace").get(url).content.decode()

    respuesta = cliente("enlace").post(
        url,
        _datos(
            "Foto del enlace marcada pública",
            file=SimpleUploadedFile("enlace.png", _png()),
        ),
    )

    assert respuesta.status_code == 302
    assert not Imagen.objects.get(title="Foto del enlace marcada pública").publico
    assert (
        "Foto del enlace marcada pública"
        not in client.get(galeria.url).content.decode()
    )


def test_an_editor_cannot_make_a_loose_photo_public_from_its_edit_form(client, galeria):
    imagen = ImagenFactory(title="Foto suelta del editor")
    url = reverse("wagtailimages:edit", args=(imagen.pk,))

    respuesta = cliente("editor").post(url, _datos("Foto suelta del editor"))

    assert respuesta.status_code == 302
    assert not Imagen.objects.get(pk=imagen.pk).publico
    assert "Foto suelta del editor" not in client.get(galeria.url).content.decode()


def test_the_titular_shows_a_loose_photo_and_the_action_is_logged(client, galeria):
    imagen = ImagenFactory(title="Foto autorizada por la Titular")
    url = reverse("wagtailimages:edit", args=(imagen.pk,))
    assert 'name="publico"' in cliente("titular").get(url).content.decode()

    respuesta = cliente("titular").post(url, _datos("Foto autorizada por la Titular"))

    assert respuesta.status_code == 302
    assert "Foto autorizada por la Titular" in client.get(galeria.url).content.decode()
    entrada = ModelLogEntry.objects.get(action=MOSTRAR, object_id=str(imagen.pk))
    assert entrada.user.username == "titular"
    historial = cliente("admin").get(reverse("wagtailadmin_reports:site_history"))
    assert "Mostrado en la mediateca pública" in historial.content.decode()
