"""Images in a boletín's body are photos of the boletín too: they count in the
1 to 5 and need alt text and credit (003 P02 2.1)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from boletines.models import BoletinIndexPage, BoletinPage
from tests.admin import cliente
from tests.factories import ImagenFactory

SLUG = "boletin-imagenes-en-el-cuerpo"


@pytest.fixture
def fotos(institucion_compartida):
    """Six photos with alt text and credit."""
    return ImagenFactory.create_batch(6)


def _bloque(imagen, alt="", decorativa=False):
    return (
        "imagen",
        {
            "imagen": {"image": imagen.pk, "decorative": decorativa, "alt_text": alt},
            "pie": "Pie dentro del texto",
        },
    )


def _crear(fotos, en_el_cuerpo):
    sala = BoletinIndexPage.objects.get()
    datos = nested_form_data(
        {
            "title": "Boletín con imágenes en el cuerpo",
            "slug": SLUG,
            "lugar": "Saltillo, Coahuila",
            "fecha": "2026-11-23",
            "sumario": "Sumario.",
            "cuerpo": streamfield(
                [("parrafo", rich_text("<p>Cuerpo.</p>")), *en_el_cuerpo]
            ),
            "fotos": inline_formset([{"imagen": i.pk, "pie": ""} for i in fotos]),
            "relacionados": inline_formset([]),
            "comments": inline_formset([]),
            "action-submit": "Enviar",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    return cliente("editor").post(url, datos)


def _rechazado(respuesta, mensaje):
    assert respuesta.status_code == 200
    assert mensaje in respuesta.content.decode()
    assert not BoletinPage.objects.filter(slug=SLUG).exists()


def test_a_body_image_beyond_the_five_photos_is_refused(fotos):
    _rechazado(_crear(fotos[:5], [_bloque(fotos[5], "Alumnos")]), "este tiene 6")


def test_a_body_image_without_credit_is_refused(fotos):
    sin_credito = ImagenFactory(title="Foto sin crédito en el cuerpo", credito="")
    _rechazado(
        _crear(fotos[:1], [_bloque(sin_credito, "Alumnos en el taller")]),
        "le falta crédito",
    )


def test_a_body_photo_marked_decorative_still_needs_alt_text(fotos):
    # Wagtail's image block asks for alt text unless the image is "decorative";
    # a photo of a press release is never decorative.
    sin_alt = ImagenFactory(title="Foto sin descripción", description="")
    _rechazado(
        _crear(fotos[:1], [_bloque(sin_alt, decorativa=True)]),
        "le falta texto alternativo",
    )


def test_a_photo_repeated_in_the_body_counts_once(fotos):
    respuesta = _crear(fotos[:5], [_bloque(fotos[0], "Otra descripción")])
    assert respuesta.status_code == 302
    assert BoletinPage.objects.get(slug=SLUG).fotos.count() == 5
