"""A boletín carries 1 to 5 photos, each with alt text and credit."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from boletines.models import BoletinIndexPage, BoletinPage
from media_library.models import Imagen
from tests.admin import cliente
from tests.factories import ImagenFactory


@pytest.fixture
def fotos(institucion_compartida):
    """Six photos with alt text and credit: one more than a boletín may carry."""
    return ImagenFactory.create_batch(6)


def _crear(titulo, imagenes):
    sala = BoletinIndexPage.objects.get()
    datos = nested_form_data(
        {
            "title": titulo,
            "slug": "boletin-fotos",
            "lugar": "Saltillo, Coahuila",
            "fecha": "2026-11-23",
            "sumario": "Sumario.",
            "cuerpo": streamfield([("parrafo", rich_text("<p>Cuerpo.</p>"))]),
            "fotos": inline_formset([{"imagen": i.pk, "pie": ""} for i in imagenes]),
            "relacionados": inline_formset([]),
            "comments": inline_formset([]),
            "action-submit": "Enviar",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    return cliente("editor").post(url, datos)


def _fotos(n):
    return list(Imagen.objects.exclude(credito="").order_by("pk")[:n])


def _rechazado(respuesta, mensaje):
    assert respuesta.status_code == 200
    assert mensaje in respuesta.content.decode()
    assert not BoletinPage.objects.filter(slug="boletin-fotos").exists()


def test_a_boletin_without_photos_is_refused(institucion_compartida):
    _rechazado(_crear("Sin fotos", []), "Un boletín lleva de 1 a 5 fotografías")


def test_a_boletin_with_six_photos_is_refused(fotos):
    _rechazado(_crear("Seis fotos", _fotos(6)), "este tiene 6")


def test_a_photo_without_alt_text_is_refused(fotos):
    foto = _fotos(1)[0]
    foto.description = ""
    foto.save()
    _rechazado(_crear("Foto sin alt", [foto]), "le falta texto alternativo")


def test_a_photo_without_credit_is_refused(fotos):
    foto = _fotos(1)[0]
    foto.credito = " "
    foto.save()
    _rechazado(_crear("Foto sin crédito", [foto]), "le falta crédito")


def test_five_photos_with_alt_text_and_credit_are_accepted(fotos):
    respuesta = _crear("Cinco fotos", _fotos(5))
    assert respuesta.status_code == 302
    assert BoletinPage.objects.get(slug="boletin-fotos").fotos.count() == 5
