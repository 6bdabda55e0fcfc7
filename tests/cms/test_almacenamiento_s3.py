"""The S3 storage path against a real S3 protocol endpoint on loopback (moto)."""

import urllib.request

from django.core.files.base import ContentFile


def test_bucket_variables_store_files_in_s3_behind_presigned_urls(almacenamiento_s3):
    nombre = almacenamiento_s3.save("boletines/nota.txt", ContentFile(b"Saltillo"))

    assert type(almacenamiento_s3._wrapped).__name__ == "S3Storage"
    assert almacenamiento_s3.exists(nombre)
    with almacenamiento_s3.open(nombre) as archivo:
        assert archivo.read() == b"Saltillo"
    url = almacenamiento_s3.url(nombre)
    assert "X-Amz-Signature=" in url and "X-Amz-Algorithm=AWS4-HMAC-SHA256" in url
    with urllib.request.urlopen(url, timeout=10) as respuesta:
        assert respuesta.read() == b"Saltillo"

    almacenamiento_s3.delete(nombre)
    assert not almacenamiento_s3.exists(nombre)


def test_s3_never_overwrites_an_existing_object(almacenamiento_s3):
    primero = almacenamiento_s3.save("foto.jpg", ContentFile(b"uno"))
    segundo = almacenamiento_s3.save("foto.jpg", ContentFile(b"dos"))
    assert primero != segundo
    with almacenamiento_s3.open(primero) as archivo:
        assert archivo.read() == b"uno"
