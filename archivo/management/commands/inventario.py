"""Write one of the four records inventories as XLSX or PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand

from archivo.inventarios import TIPOS, inventario_pdf, inventario_xlsx
from home.models import InstitucionSettings


class Command(BaseCommand):
    help = (
        "Genera el inventario general, de transferencia primaria, de transferencia "
        "secundaria o de baja documental, en XLSX o PDF con el encabezado de la "
        "institución."
    )

    def add_arguments(self, parser):
        parser.add_argument("tipo", choices=list(TIPOS))
        parser.add_argument("--format", choices=["xlsx", "pdf"], default="xlsx")
        parser.add_argument("--out", required=True, help="Archivo de salida.")

    def handle(self, *args, tipo, **opciones):
        institucion = InstitucionSettings.objects.first()
        generar = inventario_pdf if opciones["format"] == "pdf" else inventario_xlsx
        Path(opciones["out"]).write_bytes(generar(tipo, institucion))
        self.stderr.write(f"{TIPOS[tipo]}: {opciones['out']}")
