"""Exports requested in the admin run here, in the task worker, never in the request."""

import logging
import shutil
import tempfile
from pathlib import Path

from django.core.files import File
from django.utils import timezone
from django_tasks import task

from home.models import InstitucionSettings

from . import exportacion
from .models import ExportacionRegistros, Registro

logger = logging.getLogger(__name__)

# Query-string parameters of the records listing that the export keeps.
FILTROS = {
    "serie": "serie_id",
    "anio": "anio",
    "tipo": "tipo",
    "area": "area",
    "estado": "estado",
    "por_vencer": "por_vencer",
    "reserva": "reserva",
}


def filtros_de(parametros):
    """The listing's active filters, as export options (only the known ones)."""
    return {
        clave: parametros[parametro]
        for parametro, clave in FILTROS.items()
        if parametros.get(parametro) not in (None, "")
    }


def _registros(filtros):
    """The records an export covers, from its stored filters."""
    registros = Registro.objects.all()
    if filtros.get("serie_id"):
        registros = registros.filter(serie_id=filtros["serie_id"])
    reserva = filtros.get("reserva")
    return exportacion.filtrar(
        anio=filtros.get("anio"),
        tipo=filtros.get("tipo"),
        area=filtros.get("area"),
        estado=filtros.get("estado"),
        por_vencer=filtros.get("por_vencer"),
        reserva=None if reserva is None else reserva in ("1", "true", "True", True),
        queryset=registros,
    )


@task()
def exportar(pk):
    """Write the export to a temporary folder, then store it for download."""
    pedido = ExportacionRegistros.objects.get(pk=pk)
    registros = _registros(pedido.filtros)
    try:
        with tempfile.TemporaryDirectory() as carpeta:
            carpeta = Path(carpeta)
            if pedido.formato == "bagit":
                ajustes = InstitucionSettings.objects.first()
                exportacion.escribir_bagit(
                    registros,
                    carpeta / "paquete",
                    institucion=getattr(ajustes, "nombre", ""),
                )
                ruta = Path(
                    shutil.make_archive(
                        str(carpeta / "registros"), "zip", carpeta / "paquete"
                    )
                )
            elif pedido.formato == "xlsx":
                ruta = carpeta / "registros.xlsx"
                exportacion.escribir_xlsx(registros, ruta)
            else:
                ruta = carpeta / f"registros.{pedido.formato}"
                escribir = (
                    exportacion.escribir_csv
                    if pedido.formato == "csv"
                    else exportacion.escribir_json
                )
                with open(ruta, "w", newline="", encoding="utf-8") as salida:
                    escribir(registros, salida)
            with open(ruta, "rb") as contenido:
                pedido.archivo.save(ruta.name, File(contenido), save=False)
        pedido.registros = registros.count()
        pedido.estado = ExportacionRegistros.LISTA
    except Exception as error:  # recorded for the archivist, not lost in a log
        logger.exception("Falló la exportación %s", pk)
        pedido.estado, pedido.error = ExportacionRegistros.FALLIDA, str(error)
    pedido.terminada = timezone.now()
    pedido.save()
    return pedido.estado
