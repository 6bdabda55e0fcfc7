"""Media library uploads: content checks, limits, consent, and S3 round trips."""

import io
import urllib.request
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cms.settings import environment
from media_library.models import Documento, Imagen
from tests.admin import cliente


def _png(ancho=800, alto=600, color="navy"):
    salida = io.BytesIO()
    Image.new("RGB", (ancho, alto), color).save(salida, format="PNG")
    return salida.getvalue()


def _subir_imagen(contenido, nombre="foto.png", **campos):
    datos = {
        "title": "Entrega de becas",
        "description": "Estudiantes reciben su beca en el auditorio",
        "credito": "Comunicación Social CETEC",
        "licencia": "Todos los derechos reservados",
        "collection": "1",
        "file": SimpleUploadedFile(nombre, contenido),
        **campos,
    }
    return cliente("editor").post(reverse("wagtailimages:add"), datos)


def _subir_documento(contenido, nombre):
    datos = {
        "title": "Documento",
        "collection": "1",
        "file": SimpleUploadedFile(nombre, contenido),
    }
    return cliente("editor").post(reverse("wagtaildocs:add"), datos)


def _archivos(settings, carpeta):
    raiz = Path(settings.MEDIA_ROOT) / carpeta
    return [p for p in raiz.rglob("*") if p.is_file()] if raiz.exists() else []


def test_an_image_with_alt_text_and_credit_is_stored(institucion_compartida, settings):
    antes = Imagen.objects.count()
    respuesta = _subir_imagen(_png())
    assert respuesta.status_code == 302
    imagen = Imagen.objects.latest("pk")
    assert Imagen.objects.count() == antes + 1
    assert (imagen.description, imagen.credito) == (
        "Estudiantes reciben su beca en el auditorio",
        "Comunicación Social CETEC",
    )


@pytest.mark.parametrize(
    "caso, contenido, nombre, campos, mensaje",
    [
        ("sin alt", _png(), "foto.png", {"description": ""}, "texto alternativo"),
        ("texto como png", b"no soy una imagen" * 50, "foto.png", {}, ""),
        ("gif como png", None, "foto.png", {}, ""),
        (
            "personas sin consentimiento",
            _png(),
            "foto.png",
            {"personas": "on"},
            "consentimiento",
        ),
    ],
)
def test_a_refused_image_upload_says_why_and_leaves_nothing(
    institucion_compartida, settings, caso, contenido, nombre, campos, mensaje
):
    if contenido is None:
        salida = io.BytesIO()
        Image.new("RGB", (50, 50), "red").save(salida, format="GIF")
        contenido = salida.getvalue()
    antes = (Imagen.objects.count(), len(_archivos(settings, "original_images")))
    respuesta = _subir_imagen(contenido, nombre, **campos)

    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "error" in html
    if mensaje:
        assert mensaje in html
    despues = (Imagen.objects.count(), len(_archivos(settings, "original_images")))
    assert despues == antes


def test_an_oversized_image_or_a_decompression_bomb_is_refused(
    institucion_compartida, settings
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    grande = _subir_imagen(_png(1200, 1200, "white") + b"\0" * 20_000)
    assert grande.status_code == 200
    assert "Este archivo es demasiado grande" in grande.content.decode()

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    # 4000 × 4000 pixels of one colour: a few KB that would take 48 MB to open.
    bomba = _subir_imagen(_png(4000, 4000, "white"))
    assert bomba.status_code == 200
    assert "Este archivo contiene muchos pixeles" in bomba.content.decode()
    assert not Imagen.objects.filter(title="Entrega de becas").exists()


def _docx(miembro="word/document.xml"):
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as paquete:
        paquete.writestr("[Content_Types].xml", "<Types/>")
        paquete.writestr(miembro, "<documento/>")
    return salida.getvalue()


@pytest.mark.parametrize(
    "contenido, nombre, aceptado",
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "informe.pdf", True),
        (_png(), "informe.pdf", False),
        (_docx(), "oficio.docx", True),
        (_docx("xl/workbook.xml"), "oficio.docx", False),
        (b"MZ\x90\x00 programa", "oficio.docx", False),
        (b"fecha,evento\n2026-11-23,Feria\n", "agenda.csv", True),
        (b"\x00\x01\x02binario", "agenda.csv", False),
        (b"WEBVTT\n\n00:00.000 --> 00:01.000\nHola\n", "subtitulos.vtt", True),
        (b"1\n00:00:00,000 --> 00:00:01,000\nHola\n", "subtitulos.vtt", False),
    ],
    # Named, not by their bytes: a zip holds the time it was written, and each
    # xdist worker must collect the same test ids.
    ids=[
        "pdf",
        "png-como-pdf",
        "docx",
        "xlsx-como-docx",
        "ejecutable-como-docx",
        "csv",
        "binario-como-csv",
        "vtt",
        "srt-como-vtt",
    ],
)
def test_a_document_is_checked_by_its_content_not_its_name(
    institucion_compartida, settings, contenido, nombre, aceptado
):
    respuesta = _subir_documento(contenido, nombre)

    assert (respuesta.status_code == 302) is aceptado
    assert Documento.objects.filter(title="Documento").exists() is aceptado
    if not aceptado:
        assert "no corresponde a un" in respuesta.content.decode()
        assert _archivos(settings, "documents") == []


def test_the_s3_round_trip_upload_rendition_download_delete(
    institucion_compartida,
    almacenamiento_s3,
    settings,
    django_capture_on_commit_callbacks,
):
    respuesta = _subir_imagen(_png(), "becas-s3.png")
    assert respuesta.status_code == 302
    imagen = Imagen.objects.get(title="Entrega de becas")
    nombre = imagen.file.name
    assert almacenamiento_s3.exists(nombre)

    rendicion = imagen.get_rendition("fill-300x200|format-webp")
    assert almacenamiento_s3.exists(rendicion.file.name)
    assert "X-Amz-Signature=" in rendicion.url  # private bucket, presigned URL
    with urllib.request.urlopen(rendicion.url) as descarga:
        assert Image.open(io.BytesIO(descarga.read())).size == (300, 200)

    with django_capture_on_commit_callbacks(execute=True):  # files go on commit
        borrado = cliente("titular").post(
            reverse("wagtailimages:delete", args=(imagen.pk,))
        )
    assert borrado.status_code == 302
    assert not Imagen.objects.filter(pk=imagen.pk).exists()
    assert not almacenamiento_s3.exists(nombre)
    assert not almacenamiento_s3.exists(rendicion.file.name)


def test_when_s3_fails_the_editor_sees_an_error_and_no_row_is_left(
    institucion_compartida, s3_local, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": environment.default_storage(
            {
                "AWS_STORAGE_BUCKET_NAME": "cubeta-que-no-existe",
                "AWS_S3_ENDPOINT_URL": s3_local,
                "AWS_S3_REGION_NAME": "us-east-1",
                "AWS_ACCESS_KEY_ID": "prueba",
                "AWS_SECRET_ACCESS_KEY": "prueba",
            }
        ),
    }
    antes = Imagen.objects.count()
    client = cliente("editor")
    respuesta = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Foto perdida",
            "description": "Una foto",
            "collection": "1",
            "file": SimpleUploadedFile("perdida.png", _png()),
        },
        follow=True,
    )
    assert respuesta.status_code == 200
    assert "No se pudo guardar el archivo" in respuesta.content.decode()
    assert Imagen.objects.count() == antes
    assert type(default_storage._wrapped).__name__ == "S3Storage"
