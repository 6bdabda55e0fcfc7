"""Export records: inventory (CSV, XLSX, JSON) or a BagIt transfer package."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from archivo.exportacion import (
    escribir_bagit,
    escribir_csv,
    escribir_json,
    escribir_xlsx,
    filtrar,
)
from archivo.models import Registro


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
            help="Archivo de salida (csv, xlsx, json; «-» es la salida estándar) "
            "o carpeta vacía del paquete BagIt.",
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
        try:
            if formato == "bagit":
                from home.models import InstitucionSettings

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
        except FileExistsError as error:
            raise CommandError(str(error)) from error
        avance(total, final=True)
        if avance.activo:
            self.stderr.write("")
        self.stderr.write(f"{total} registro(s) exportado(s) a {salida} ({formato}).")
