"""Exports, actas and the records' store live in a private storage, never in media."""

import datetime
import importlib
import urllib.request
from io import StringIO
from urllib.parse import urlsplit

import boto3
import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from archivo.models import (
    ArchivoResguardado,
    Disposicion,
    ExportacionRegistros,
    Registro,
)
from cms.settings import environment
from tests.admin import cliente
from tests.factories import BoletinPageFactory, CampanaPageFactory


@pytest.fixture
def boletin(institucion_compartida):
    return BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, con_fotos=True
    )


def _exportar_csv(capturar):
    with capturar(execute=True):
        cliente("archivo").post(
            reverse("archivo_exportaciones"), {"formato": "csv", "consulta": ""}
        )
    pedido = ExportacionRegistros.objects.latest("pk")
    assert pedido.estado == ExportacionRegistros.LISTA, pedido.error
    return pedido


@pytest.mark.urls("tests.archivo.urls_con_medios")
def test_an_export_is_not_in_public_media_and_downloads_only_with_permission(
    boletin, client, settings, django_capture_on_commit_callbacks
):
    foto = boletin.fotos.get().imagen
    assert client.get(f"/media/{foto.file.name}").status_code == 200  # media served

    pedido = _exportar_csv(django_capture_on_commit_callbacks)

    assert not (settings.MEDIA_ROOT / "archivo").exists()
    for ruta in ("archivo/exportaciones/registros.csv", pedido.archivo.name):
        assert client.get(f"/media/{ruta}").status_code == 404
    url = reverse("archivo_descargar_exportacion", args=(pedido.pk,))
    assert client.get(url).status_code == 302  # to the login
    assert "/login/" in client.get(url)["Location"]
    assert cliente("editor").get(url).status_code == 302  # refused by the admin
    descarga = cliente("archivo").get(url)
    assert descarga.status_code == 200
    assert "Número de registro" in b"".join(descarga.streaming_content).decode(
        "utf-8-sig"
    )


@pytest.mark.urls("tests.archivo.urls_con_medios")
def test_an_acta_is_not_in_public_media(publicaciones_vencidas, client, settings):
    archivo = cliente("archivo")
    archivo.post(
        reverse("archivo_disposiciones") + "?tipo=baja",
        {"registros": [publicaciones_vencidas.pk], "justificacion": "Dictamen 2/2026"},
    )
    acta = Disposicion.objects.get()
    url = reverse("archivo_disposicion", args=(acta.pk,))
    cliente("titular").post(url, {"accion": "aprobar"})
    archivo.post(url, {"accion": "ejecutar"})
    acta.refresh_from_db()

    assert acta.acta.name.startswith("actas/")
    assert not (settings.MEDIA_ROOT / "archivo").exists()
    assert client.get(f"/media/archivo/actas/acta-{acta.pk}.pdf").status_code == 404
    pdf = reverse("archivo_descargar_acta", args=(acta.pk,))
    assert client.get(pdf).status_code == 302
    respuesta = cliente("titular").get(pdf)
    assert b"".join(respuesta.streaming_content).startswith(b"%PDF")


@pytest.fixture
def publicaciones_vencidas(institucion_compartida):
    """A campaign's record whose period ended (its series goes to disposal)."""
    campana = CampanaPageFactory(parent=institucion_compartida.campanas, publicada=True)
    registro = Registro.objects.de_objeto(campana).get()
    Registro.objects.filter(pk=registro.pk).update(
        fin_tramite=datetime.date(2023, 1, 1),
        fin_concentracion=datetime.date(2025, 1, 1),
    )
    return registro


# S3: a private prefix behind presigned URLs, a custom domain notwithstanding.

ENTORNO_S3 = {
    "AWS_STORAGE_BUCKET_NAME": "medios-cms",
    "AWS_S3_REGION_NAME": "us-east-1",
    "AWS_ACCESS_KEY_ID": "prueba",
    "AWS_SECRET_ACCESS_KEY": "prueba",
    "AWS_S3_CUSTOM_DOMAIN": "medios.cetec.edu.mx",
}


@pytest.fixture
def archivo_en_s3(settings, s3_local):
    """The private storage on moto's S3, with the media's custom domain set."""
    entorno = {**ENTORNO_S3, "AWS_S3_ENDPOINT_URL": s3_local}
    privado = environment.private_storage(entorno, "/no-se-usa")
    assert "custom_domain" not in privado["OPTIONS"]
    settings.STORAGES = {**settings.STORAGES, "archivo": privado}
    cliente_s3 = boto3.client(
        "s3",
        endpoint_url=s3_local,
        region_name="us-east-1",
        aws_access_key_id="prueba",
        aws_secret_access_key="prueba",
    )
    cliente_s3.put_bucket_versioning(
        Bucket="medios-cms", VersioningConfiguration={"Status": "Enabled"}
    )
    return cliente_s3


def test_on_s3_an_export_downloads_through_a_presigned_url_only(
    boletin, archivo_en_s3, s3_local, django_capture_on_commit_callbacks
):
    pedido = _exportar_csv(django_capture_on_commit_callbacks)

    respuesta = cliente("archivo").get(
        reverse("archivo_descargar_exportacion", args=(pedido.pk,))
    )
    assert respuesta.status_code == 302
    destino = respuesta["Location"]
    assert urlsplit(destino).netloc == urlsplit(s3_local).netloc
    assert "medios.cetec.edu.mx" not in destino
    assert "X-Amz-Signature=" in destino
    assert f"/medios-cms/archivo/{pedido.archivo.name}" in destino
    with urllib.request.urlopen(destino, timeout=10) as descarga:
        assert "Número de registro" in descarga.read().decode("utf-8-sig")


def test_on_s3_the_store_is_a_versioned_private_prefix_checked_by_fixity(
    archivo_en_s3, boletin
):
    (descrito,) = Registro.objects.de_objeto(boletin).get().instantaneas.get().archivos
    resguardado = ArchivoResguardado.objects.get(sha256=descrito["sha256"])
    clave = f"archivo/{resguardado.ruta}"
    original = archivo_en_s3.get_object(Bucket="medios-cms", Key=clave)["Body"].read()
    salida = StringIO()
    call_command("verificar_registros", stdout=salida)
    assert "0 faltante(s), 0 alterado(s)" in salida.getvalue()
    assert "versionado" not in salida.getvalue()

    archivo_en_s3.put_object(Bucket="medios-cms", Key=clave, Body=b"otros bytes")
    salida = StringIO()
    call_command("verificar_registros", stdout=salida)

    assert "1 alterado(s)" in salida.getvalue()
    versiones = archivo_en_s3.list_object_versions(Bucket="medios-cms", Prefix=clave)
    (anterior,) = [v for v in versiones["Versions"] if not v["IsLatest"]]
    recuperado = archivo_en_s3.get_object(
        Bucket="medios-cms", Key=clave, VersionId=anterior["VersionId"]
    )["Body"].read()
    assert recuperado == original  # the versioning kept what was stored


def test_the_migration_moves_old_public_exports_into_the_private_storage(
    institucion_compartida,
):
    """Exports written before this change sat in ``media/archivo/``."""
    migracion = importlib.import_module(
        "archivo.migrations.0004_resguardo_privado_y_levantamiento_de_reservas"
    )
    viejo = default_storage.save(
        "archivo/exportaciones/registros.csv", ContentFile(b"\xef\xbb\xbfinventario")
    )
    pedido = ExportacionRegistros.objects.create(
        formato="csv", estado=ExportacionRegistros.LISTA, archivo=viejo
    )

    migracion._a_lo_privado(django_apps, None)

    pedido.refresh_from_db()
    assert not default_storage.exists(viejo)
    assert pedido.archivo.name == "exportaciones/registros.csv"
    with pedido.archivo.open("rb") as archivo:
        assert archivo.read().endswith(b"inventario")
