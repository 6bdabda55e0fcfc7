"""Visitors download only documents a live public page uses, or that the Titular
made public; embargoed annexes and internal files answer 404 (before_serve_document)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve
from wagtail.models import PageViewRestriction

from cms.urls import medios_locales
from tests.admin import cliente
from tests.factories import DocumentoFactory, StandardPageFactory


def _enlazado_en(inicio, documento, **campos):
    # The stored form of a rich-text link to a document, as the editor saves it.
    enlace = f'<a linktype="document" id="{documento.pk}">anexo</a>'
    cuerpo = f"<p>Consulta el {enlace}.</p>"
    return StandardPageFactory(parent=inicio, cuerpo=cuerpo, **campos)


def test_a_document_used_by_no_page_is_refused_to_visitors_but_not_to_the_office(
    client, institucion_compartida
):
    comprobante = DocumentoFactory(title="Comprobante de licencia de música")

    assert client.get(comprobante.url).status_code == 404
    assert cliente("editor").get(comprobante.url).status_code == 200
    assert cliente("monitoreo").get(comprobante.url).status_code == 404


def test_an_annex_of_a_draft_page_is_refused_until_the_page_is_live(
    client, institucion_compartida
):
    anexo = DocumentoFactory(title="Anexo bajo embargo")
    pagina = _enlazado_en(institucion_compartida.inicio, anexo, live=False)

    assert client.get(anexo.url).status_code == 404

    pagina.save_revision().publish()

    assert client.get(anexo.url).status_code == 200


def test_an_annex_of_a_restricted_page_is_refused(client, institucion_compartida):
    anexo = DocumentoFactory(title="Anexo de página con contraseña")
    pagina = _enlazado_en(institucion_compartida.inicio, anexo)
    assert client.get(anexo.url).status_code == 200
    PageViewRestriction.objects.create(
        page=pagina, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    assert client.get(anexo.url).status_code == 404


def test_a_document_the_titular_made_public_is_served(client, institucion_compartida):
    formato = DocumentoFactory(title="Formato de solicitud", publico=True)

    assert client.get(formato.url).status_code == 200


def test_make_runs_media_serving_skips_the_documents_folder(
    rf, institucion_compartida, settings
):
    """With DEBUG, Django serves media/ (cms.urls.medios_locales), not documents."""
    comprobante = DocumentoFactory(title="Comprobante de licencia de música")
    urlconf = type("Urls", (), {"urlpatterns": medios_locales()})
    assert comprobante.file.name.startswith("documents/")
    with pytest.raises(Resolver404):
        resolve(settings.MEDIA_URL + comprobante.file.name, urlconf=urlconf)
    # The rest of media/ still answers: a file written beside the documents.
    nombre = default_storage.save("original_images/prueba.txt", ContentFile(b"ok"))
    direccion = settings.MEDIA_URL + nombre
    vista = resolve(direccion, urlconf=urlconf)
    respuesta = vista.func(rf.get(direccion), **vista.kwargs)
    assert respuesta.status_code == 200
    assert b"".join(respuesta.streaming_content) == b"ok"
