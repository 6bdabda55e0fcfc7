"""Each boletín as a PDF in the institutional format, at a stable address."""

from io import BytesIO

from pypdf import PdfReader

from boletines.models import BoletinPage


def test_the_pdf_carries_the_folio_title_dateline_and_contact(client, demo):
    boletin = BoletinPage.objects.get(slug="convenio-practicas-profesionales-industria")
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
    assert "Colegio de Educación Tecnológica del Estado de Coahuila" in texto
    assert "Ramos Arizpe, Coahuila, a " in texto
    assert "Contacto de prensa: Laura Mendoza Aguirre" in texto
    assert "prensa@cetec.edu.mx" in texto
    assert "Foto: Comunicación Social CETEC" in texto
    imagenes = sum(len(p.images) for p in lector.pages)
    assert imagenes == 4  # the logo and the three photos
    assert lector.metadata.title.startswith(boletin.folio_texto)


def test_a_draft_has_no_public_pdf(client, demo):
    borrador = BoletinPage.objects.get(live=False)
    assert client.get(f"/boletines/{borrador.slug}/pdf/").status_code == 404
