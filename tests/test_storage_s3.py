"""The S3 storage path against a real S3 protocol endpoint on loopback (moto)."""

import socket
import urllib.request

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from cms.settings import environment


def _puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_local():
    puerto = _puerto_libre()
    servidor = ThreadedMotoServer(ip_address="127.0.0.1", port=puerto)
    servidor.start()
    endpoint = f"http://127.0.0.1:{puerto}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="prueba",
        aws_secret_access_key="prueba",
    ).create_bucket(Bucket="medios-cms")
    yield endpoint
    servidor.stop()


@pytest.fixture
def almacenamiento_s3(settings, s3_local):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": environment.default_storage(
            {
                "AWS_STORAGE_BUCKET_NAME": "medios-cms",
                "AWS_S3_ENDPOINT_URL": s3_local,
                "AWS_S3_REGION_NAME": "us-east-1",
                "AWS_ACCESS_KEY_ID": "prueba",
                "AWS_SECRET_ACCESS_KEY": "prueba",
            }
        ),
    }
    return default_storage


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
