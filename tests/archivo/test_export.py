"""``export_records``: filtered inventories and BagIt packages that validate."""

import csv
import hashlib
import json
import zipfile
from io import StringIO

import bagit
import boto3
import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from archivo.models import ExportacionRegistros, Registro
from home.models import InstitucionSettings
from tests.admin import cliente
from tests.factories import BoletinPageFactory, CampanaPageFactory

VACUNACION = "Llega a los planteles la Jornada de Vacunación contra la Influenza"


@pytest.fixture
def acervo(institucion_compartida):
    """Boletines with their photos and a campaign, all on record.

    The photos' files live in this test's media folder, so the content is
    published for each test.
    """
    sala = institucion_compartida.sala
    boletin = BoletinPageFactory(
        parent=sala, publicada=True, con_fotos=True, title=VACUNACION
    )
    BoletinPageFactory(parent=sala, publicada=True, fotos=2, de_plantel=True)
    CampanaPageFactory(parent=institucion_compartida.campanas, publicada=True)
    return boletin


def _exportar(*argumentos):
    err = StringIO()
    call_command("export_records", *argumentos, stdout=StringIO(), stderr=err)
    return err.getvalue()


def test_csv_inventory_of_the_boletines_with_a_progress_bar(acervo, tmp_path):
    destino = tmp_path / "boletines.csv"
    progreso = _exportar("--format", "csv", "--tipo", "Boletín", "--out", str(destino))

    filas = list(csv.DictReader(destino.open(encoding="utf-8-sig")))
    boletines = Registro.objects.filter(tipo="Boletín")
    assert len(filas) == boletines.count() > 0
    assert {f["Tipo"] for f in filas} == {"Boletín"}
    assert {f["Código de serie"] for f in filas} == {"CEPRU/9C/9C.3"}
    assert filas[0]["Estado"] == "En trámite"
    assert (
        "Exportando [" in progreso and f"{len(filas)}/{len(filas)} (100%)" in progreso
    )


def test_the_csv_export_reads_in_chunks_with_a_constant_number_of_queries(
    acervo, tmp_path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        _exportar("--out", str(tmp_path / "todo.csv"), "--sin-progreso")


def test_json_and_xlsx_inventories_honour_the_filters(acervo, tmp_path):
    Registro.objects.filter(tipo="Campaña").update(
        reserva=True, reserva_motivo="Auditoría"
    )
    _exportar("--format", "json", "--en-reserva", "--out", str(tmp_path / "r.json"))
    datos = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {d["tipo"] for d in datos} == {"Campaña"}
    assert datos[0]["reserva_motivo"] == "Auditoría"

    _exportar("--format", "xlsx", "--serie", "9C.4", "--out", str(tmp_path / "f.xlsx"))
    hoja = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    filas = list(hoja.values)
    assert filas[0][0] == "Número de registro"
    assert {f[3] for f in filas[1:]} == {"Fotografía"}
    assert len(filas) - 1 == Registro.objects.filter(serie__serie="9C.4").count()


def test_the_bagit_package_holds_snapshots_files_inventory_and_dublin_core(
    acervo, tmp_path
):
    boletin = acervo
    registro = Registro.objects.de_objeto(boletin).get()
    destino = tmp_path / "transferencia"
    _exportar("--format", "bagit", "--tipo", "Boletín", "--out", str(destino))

    bolsa = bagit.Bag(str(destino))
    assert bolsa.validate()
    assert "sha256" in bolsa.algorithms
    ajustes = InstitucionSettings.objects.get()
    assert bolsa.info["Source-Organization"] == ajustes.nombre
    datos = destino / "data"
    carpeta = datos / "registros" / f"{registro.pk:08d}"
    instantanea = json.loads((carpeta / "instantanea-001.json").read_text())
    assert instantanea["contenido"]["title"] == boletin.title
    assert boletin.title in (carpeta / "instantanea-001.html").read_text()
    (foto,) = instantanea["archivos"]
    (original,) = (carpeta / "archivos").iterdir()
    assert hashlib.sha256(original.read_bytes()).hexdigest() == foto["sha256"]
    dc = (carpeta / "dublin_core.xml").read_text()
    assert f"<dc:title>{boletin.title}</dc:title>" in dc
    assert f"<dc:identifier>{boletin.folio_texto}</dc:identifier>" in dc
    inventario = list(
        csv.DictReader((datos / "inventario.csv").open(encoding="utf-8-sig"))
    )
    assert len(inventario) == Registro.objects.filter(tipo="Boletín").count()
    assert len(json.loads((datos / "inventario.json").read_text())) == len(inventario)


def test_a_damaged_file_makes_the_package_fail_validation(acervo, tmp_path):
    destino = tmp_path / "transferencia"
    _exportar("--format", "bagit", "--tipo", "Boletín", "--out", str(destino))
    assert bagit.Bag(str(destino)).is_valid()

    html = next((destino / "data" / "registros").glob("*/instantanea-001.html"))
    html.write_text(html.read_text() + "<p>alterado</p>")

    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(destino)).validate()


def test_a_metadata_only_package_validates_without_snapshots(acervo, tmp_path):
    destino = tmp_path / "metadatos"
    _exportar("--format", "bagit", "--solo-metadatos", "--out", str(destino))
    assert bagit.Bag(str(destino)).is_valid()
    assert not list((destino / "data").glob("registros/*/instantanea-*"))
    assert len(list((destino / "data" / "registros").iterdir())) == (
        Registro.objects.count()
    )


def test_the_package_is_not_written_over_a_folder_in_use(
    institucion_compartida, tmp_path
):
    (tmp_path / "ocupada").mkdir()
    (tmp_path / "ocupada" / "algo.txt").write_text("x")
    with pytest.raises(CommandError, match="no está vacía"):
        _exportar("--format", "bagit", "--out", str(tmp_path / "ocupada"))


def test_the_archivist_asks_for_a_bagit_package_in_the_admin_and_downloads_it(
    acervo, tmp_path, django_capture_on_commit_callbacks
):

    archivo = cliente("archivo")
    listado = archivo.get(reverse("archivo_registros:index"), {"tipo": "Boletín"})
    assert "Paquete de transferencia" in listado.content.decode()
    url = reverse("archivo_exportaciones") + "?tipo=Bolet%C3%ADn"
    assert "tipo</strong> = Boletín" in archivo.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        archivo.post(url, {"formato": "bagit", "consulta": "tipo=Bolet%C3%ADn"})

    pedido = ExportacionRegistros.objects.get()
    assert pedido.estado == ExportacionRegistros.LISTA, pedido.error
    assert pedido.filtros == {"tipo": "Boletín"}
    assert pedido.registros == Registro.objects.filter(tipo="Boletín").count()
    assert pedido.solicitada_por.username == "archivo"
    descarga = archivo.get(reverse("archivo_descargar_exportacion", args=(pedido.pk,)))
    assert descarga.status_code == 200
    zip_path = tmp_path / "paquete.zip"
    zip_path.write_bytes(b"".join(descarga.streaming_content))
    with zipfile.ZipFile(zip_path) as paquete:
        paquete.extractall(tmp_path / "paquete")
    assert bagit.Bag(str(tmp_path / "paquete")).is_valid()

    for usuario in ("editor", "titular"):
        respuesta = cliente(usuario).get(
            reverse("archivo_descargar_exportacion", args=(pedido.pk,))
        )
        assert respuesta.status_code == 302  # refused by the admin


def _s3(s3_local, monkeypatch):

    for variable, valor in {
        "AWS_S3_ENDPOINT_URL": s3_local,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "prueba",
        "AWS_SECRET_ACCESS_KEY": "prueba",
    }.items():
        monkeypatch.setenv(variable, valor)
    return boto3.client("s3", endpoint_url=s3_local, region_name="us-east-1")


def test_exports_go_to_an_s3_bucket(acervo, s3_local, monkeypatch, tmp_path):

    cliente = _s3(s3_local, monkeypatch)
    call_command(
        "export_records",
        "--format=csv",
        "--out=s3://medios-cms/exportaciones/registros.csv",
        "--sin-progreso",
        stderr=StringIO(),
    )
    objeto = cliente.get_object(Bucket="medios-cms", Key="exportaciones/registros.csv")
    lineas = objeto["Body"].read().decode("utf-8-sig").splitlines()
    assert len(lineas) == 1 + Registro.objects.count()

    call_command(
        "export_records",
        "--format=bagit",
        "--out=s3://medios-cms/exportaciones/paquete.zip",
        "--sin-progreso",
        stderr=StringIO(),
    )
    zipeado = tmp_path / "paquete.zip"
    cliente.download_file("medios-cms", "exportaciones/paquete.zip", str(zipeado))
    zipfile.ZipFile(zipeado).extractall(tmp_path / "bolsa")
    bagit.Bag(str(tmp_path / "bolsa")).validate()


def test_an_s3_export_to_a_missing_bucket_fails_clearly(
    institucion_compartida, s3_local, monkeypatch
):
    _s3(s3_local, monkeypatch)
    with pytest.raises(CommandError, match="No se pudo subir a s3://no-existe/"):
        call_command(
            "export_records",
            "--out=s3://no-existe/registros.csv",
            "--sin-progreso",
            stderr=StringIO(),
        )
