"""Each boletín as a PDF in the institutional format, at a stable address."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from boletines.models import BoletinPage
from tests.factories import BoletinPageFactory, ContactoPrensaFactory, ImagenFactory
from tests.factories.ajustes import poner_logo


@pytest.fixture
def convenio(institucion_compartida):
    """A live boletín with three photos and a press contact, and the logo."""
    poner_logo(institucion_compartida.sitio)
    return BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        title="Firma el CETEC convenio con la industria automotriz",
        lugar="Ramos Arizpe, Coahuila",
        fotos=[
            ImagenFactory(credito="Comunicación Social CETEC", file__color=color)
            for color in ("#6a1b31", "#1b6a31", "#1b316a")
        ],
        contacto=ContactoPrensaFactory(
            nombre="Laura Mendoza Aguirre", correo="prensa@cetec.edu.mx"
        ),
    )


def test_the_pdf_carries_the_folio_title_dateline_and_contact(client, convenio):
    boletin = BoletinPage.objects.get(pk=convenio.pk)
    pagina = client.get(boletin.url).content.decode()
    assert f'href="{boletin.url}pdf/"' in pagina

    respuesta = client.get(f"{boletin.url}pdf/")

    assert respuesta.status_code == 200
    assert respuesta["Content-Type"] == "application/pdf"
    lector = PdfReader(BytesIO(respuesta.content))
    texto = " ".join(p.extract_text() for p in lector.pages)
    texto = " ".join(texto.split())
    assert boletin.folio_texto in texto
    assert "Firma el CETEC convenio con la industria automotriz" in texto
    assert "Centro de Estudios Profesionales del Estado" in texto
    assert "Ramos Arizpe, Coahuila, a " in texto
    assert "Contacto de prensa: Laura Mendoza Aguirre" in texto
    assert "prensa@cetec.edu.mx" in texto
    assert "Foto: Comunicación Social CETEC" in texto
    imagenes = sum(len(p.images) for p in lector.pages)
    assert imagenes == 4  # the logo and the three photos
    assert lector.metadata.title.startswith(boletin.folio_texto)


def test_a_draft_has_no_public_pdf(client, institucion_compartida):
    BoletinPageFactory(parent=institucion_compartida.sala, con_fotos=True)
    borrador = BoletinPage.objects.get(live=False)
    assert client.get(f"/boletines/{borrador.slug}/pdf/").status_code == 404
