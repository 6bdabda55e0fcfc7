"""Export records: inventory (CSV, XLSX, JSON) or a BagIt transfer package."""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import boto3
from boto3.exceptions import S3UploadFailedError
from botocore.exceptions import BotoCoreError, ClientError
from django.core.management.base import BaseCommand, CommandError

from archivo.deposito import ArchivoAlterado
from archivo.exportacion import (
    escribir_bagit,
    escribir_csv,
    escribir_json,
    escribir_xlsx,
    filtrar,
)
from archivo.models import Registro
from home.models import InstitucionSettings


class Avance:
    """A progress bar on stderr, redrawn at most every 0.2 s."""

    def __init__(self, total, salida, activo=True):
        self.total, self.salida, self.activo = total, salida, activo
        self.ultimo = 0.0

    def __call__(self, n, final=False):
        ahora = time.monotonic()
        if not self.activo or (not final and ahora - self.ultimo < 0.2):
            return
        self.ultimo = ahora
        parte = n / self.total if self.total else 1
        barra = "#" * int(parte * 30)
        self.salida.write(
            f"\rExportando [{barra:<30}] {n}/{self.total} ({parte:.0%})", ending=""
        )
        self.salida.flush()


class Command(BaseCommand):
    help = (
        "Exporta registros (con filtros) como inventario CSV, XLSX o JSON, o como "
        "paquete de transferencia BagIt (RFC 8493)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            choices=["csv", "xlsx", "json", "bagit"],
            default="csv",
            help="Formato de salida (csv por omisión).",
        )
        parser.add_argument(
            "--out",
            required=True,
            help="Archivo de salida (csv, xlsx, json; «-» es la salida estándar), "
            "carpeta vacía del paquete BagIt, o s3://cubeta/ruta (BagIt en .zip).",
        )
        parser.add_argument("--serie", help="Código de serie (p. ej. 9C.3).")
        parser.add_argument("--anio", type=int, help="Año de apertura.")
        parser.add_argument("--tipo", help="Tipo de contenido (p. ej. Boletín).")
        parser.add_argument("--area", help="Área o plantel.")
        parser.add_argument(
            "--estado", choices=[clave for clave, _ in Registro.ESTADOS]
        )
        parser.add_argument(
            "--por-vencer",
            type=int,
            metavar="DIAS",
            help="Solo los que cambian de etapa en los próximos DIAS días.",
        )
        reserva = parser.add_mutually_exclusive_group()
        reserva.add_argument(
            "--en-reserva", dest="reserva", action="store_true", default=None
        )
        reserva.add_argument("--sin-reserva", dest="reserva", action="store_false")
        parser.add_argument(
            "--solo-metadatos",
            action="store_true",
            help="BagIt sin instantáneas ni archivos: inventario y Dublin Core.",
        )
        parser.add_argument(
            "--sin-progreso", action="store_true", help="Sin barra de progreso."
        )

    def handle(self, *args, **opciones):
        registros = filtrar(
            serie=opciones["serie"],
            anio=opciones["anio"],
            tipo=opciones["tipo"],
            area=opciones["area"],
            estado=opciones["estado"],
            por_vencer=opciones["por_vencer"],
            reserva=opciones["reserva"],
        )
        total = registros.count()
        avance = Avance(total, self.stderr, activo=not opciones["sin_progreso"])
        formato, salida = opciones["format"], opciones["out"]
        if formato in ("xlsx", "bagit") and salida == "-":
            raise CommandError(f"--format {formato} necesita un --out en disco.")
        if salida.startswith("s3://"):
            self._a_s3(salida, formato, opciones)
            return
        self._exportar(registros, formato, salida, avance, opciones)
        avance(total, final=True)
        if avance.activo:
            self.stderr.write("")
        self.stderr.write(f"{total} registro(s) exportado(s) a {salida} ({formato}).")

    def _a_s3(self, destino, formato, opciones):
        """Export to a temporary file (a zip for BagIt), then upload it with boto3.

        ``s3://bucket/ruta/archivo``; the endpoint, region and credentials come
        from the usual variables (``AWS_S3_ENDPOINT_URL``, ``AWS_ACCESS_KEY_ID``…).
        """
        cubeta, _, clave = destino.removeprefix("s3://").partition("/")
        if not cubeta or not clave:
            raise CommandError("Usa --out s3://cubeta/ruta/archivo.")
        with tempfile.TemporaryDirectory() as carpeta:
            local = Path(carpeta) / ("paquete" if formato == "bagit" else "salida")
            call_command_args = {**opciones, "out": str(local)}
            self.handle(**call_command_args)
            if formato == "bagit":
                local = Path(shutil.make_archive(str(local), "zip", local))
            cliente = boto3.client(
                "s3",
                endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
                region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
            )
            try:
                cliente.upload_file(str(local), cubeta, clave)
            except (BotoCoreError, ClientError, S3UploadFailedError) as error:
                raise CommandError(f"No se pudo subir a {destino}: {error}") from error
        self.stderr.write(f"Subido a {destino}.")

    def _exportar(self, registros, formato, salida, avance, opciones):
        try:
            if formato == "bagit":
                ajustes = InstitucionSettings.objects.first()
                escribir_bagit(
                    registros,
                    salida,
                    avance,
                    con_contenido=not opciones["solo_metadatos"],
                    institucion=getattr(ajustes, "nombre", ""),
                )
            elif formato == "xlsx":
                escribir_xlsx(registros, salida, avance)
            else:
                escribir = escribir_csv if formato == "csv" else escribir_json
                if salida == "-":
                    escribir(registros, sys.stdout, avance)
                else:
                    with open(salida, "w", newline="", encoding="utf-8") as archivo:
                        escribir(registros, archivo, avance)
        except (FileExistsError, ArchivoAlterado) as error:
            raise CommandError(str(error)) from error
