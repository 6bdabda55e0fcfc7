"""Records out of the system: inventories (CSV, XLSX, JSON) and BagIt transfer packages.

Everything streams: records are read with ``iterator()`` in chunks and written as
they come, so 100,000 records cost the memory of one chunk, not of the list.
"""

import csv
import json
import os
from pathlib import Path
from xml.sax.saxutils import escape

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Registro, SerieDocumental

TROZO = 2000


def filtrar(
    serie=None,
    anio=None,
    tipo=None,
    area=None,
    estado=None,
    por_vencer=None,
    reserva=None,
    queryset=None,
):
    """The records matching the archivist's filters, in a stable order."""
    registros = queryset if queryset is not None else Registro.objects.all()
    if serie:
        encontrada = SerieDocumental.por_codigo(serie)
        registros = registros.filter(serie=encontrada)
    if anio:
        registros = registros.filter(abierto__year=int(anio))
    if tipo:
        registros = registros.filter(tipo=tipo)
    if area:
        registros = registros.filter(area=area)
    if estado:
        registros = registros.en_estado(estado)
    if por_vencer is not None:
        registros = registros.por_vencer(int(por_vencer))
    if reserva is not None:
        registros = registros.filter(reserva=reserva)
    return registros.select_related("serie").order_by("pk")


def _fecha(valor):
    if valor is None:
        return ""
    if hasattr(valor, "tzinfo"):
        valor = timezone.localtime(valor)
    return valor.isoformat()


# The inventory's columns: heading, and how to read it from a record.
COLUMNAS = [
    (_("Número de registro"), lambda r: r.pk),
    (_("Folio"), lambda r: r.folio),
    (_("Título"), lambda r: r.titulo),
    (_("Tipo"), lambda r: r.tipo),
    (_("Código de serie"), lambda r: r.serie.codigo if r.serie else ""),
    (_("Serie"), lambda r: r.serie.nombre if r.serie else ""),
    (_("Valores documentales"), lambda r: r.serie.valores if r.serie else ""),
    (_("Área o plantel"), lambda r: r.area),
    (_("Responsable"), lambda r: r.responsable),
    (_("Puesto responsable"), lambda r: r.serie.puesto_responsable if r.serie else ""),
    (_("Soporte"), lambda r: r.serie.get_soporte_display() if r.serie else ""),
    (_("Ubicación"), lambda r: r.serie.ubicacion if r.serie else ""),
    (_("Apertura"), lambda r: _fecha(r.abierto)),
    (_("Última acción"), lambda r: r.ultima_accion),
    (_("Fecha de la última acción"), lambda r: _fecha(r.ultima_accion_en)),
    (_("Fin del plazo en trámite"), lambda r: _fecha(r.fin_tramite)),
    (_("Fin del plazo en concentración"), lambda r: _fecha(r.fin_concentracion)),
    (
        _("Destino final"),
        lambda r: r.serie.get_destino_final_display() if r.serie else "",
    ),
    (_("Estado"), lambda r: r.get_estado_display()),
    (_("En reserva"), lambda r: _("sí") if r.reserva else _("no")),
    (_("Motivo de la reserva"), lambda r: r.reserva_motivo),
    (_("Dirección pública"), lambda r: r.url),
]

CLAVES = [
    "numero",
    "folio",
    "titulo",
    "tipo",
    "codigo_serie",
    "serie",
    "valores",
    "area",
    "responsable",
    "puesto_responsable",
    "soporte",
    "ubicacion",
    "abierto",
    "ultima_accion",
    "ultima_accion_en",
    "fin_tramite",
    "fin_concentracion",
    "destino_final",
    "estado",
    "reserva",
    "reserva_motivo",
    "url",
]


def encabezados():
    return [str(titulo) for titulo, _leer in COLUMNAS]


def fila(registro):
    return [_texto(leer(registro)) for _titulo, leer in COLUMNAS]


def _texto(valor):
    return valor if isinstance(valor, int) else str(valor)


def como_dict(registro):
    return dict(zip(CLAVES, fila(registro), strict=True))


def _recorrer(registros, avance, trozo=TROZO):
    for n, registro in enumerate(registros.iterator(chunk_size=trozo), start=1):
        yield registro
        if avance:
            avance(n)


def escribir_csv(registros, salida, avance=None):
    """The inventory as CSV (UTF-8 with BOM, so spreadsheets read the accents)."""
    salida.write("\ufeff")
    escritor = csv.writer(salida)
    escritor.writerow(encabezados())
    for registro in _recorrer(registros, avance):
        escritor.writerow(fila(registro))


def escribir_json(registros, salida, avance=None):
    """The inventory as a JSON array, written one record at a time."""
    salida.write("[")
    for n, registro in enumerate(_recorrer(registros, avance)):
        salida.write(",\n" if n else "\n")
        salida.write(json.dumps(como_dict(registro), ensure_ascii=False))
    salida.write("\n]\n")


def escribir_xlsx(registros, ruta, avance=None):
    """The inventory as XLSX, with openpyxl's write-only (streaming) workbook."""
    from openpyxl import Workbook

    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(str(_("Inventario")))
    hoja.append(encabezados())
    for registro in _recorrer(registros, avance):
        hoja.append(fila(registro))
    libro.save(ruta)


def dublin_core(registro, institucion=""):
    """Simple Dublin Core (dc:) description of a record, as XML."""
    campos = [
        ("title", registro.titulo),
        ("identifier", registro.folio or f"registro-{registro.pk}"),
        ("identifier", registro.url),
        ("type", registro.tipo),
        ("date", _fecha(registro.abierto)),
        ("creator", registro.area or institucion),
        ("publisher", institucion),
        ("subject", registro.serie.nombre if registro.serie else ""),
        ("format", "text/html"),
        ("language", "es-MX"),
        ("rights", registro.reserva_motivo if registro.reserva else ""),
    ]
    elementos = "\n".join(
        f"  <dc:{nombre}>{escape(str(valor))}</dc:{nombre}>"
        for nombre, valor in campos
        if valor
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"{elementos}\n</metadata>\n"
    )


def _copiar_archivo(descripcion, destino):
    """Copy the original file an attachment points to; False if it is gone."""
    try:
        modelo = apps.get_model(descripcion["modelo"])
    except (LookupError, ValueError):
        return False
    objeto = modelo.objects.filter(pk=descripcion["id"]).first()
    archivo = getattr(objeto, "file", None)
    if not archivo:
        return False
    destino.parent.mkdir(parents=True, exist_ok=True)
    with archivo.open("rb"), open(destino, "wb") as copia:
        for bloque in archivo.chunks():
            copia.write(bloque)
    return True


def escribir_bagit(registros, ruta, avance=None, con_contenido=True, institucion=""):
    """A BagIt package (RFC 8493): per record its snapshots and files, plus the
    inventory (CSV and JSON) and Dublin Core metadata; returns the ``bagit.Bag``.

    ``con_contenido=False`` writes the metadata only (record JSON and Dublin Core).
    """
    import bagit

    ruta = Path(ruta)
    if ruta.exists() and any(ruta.iterdir()):
        raise FileExistsError(_("La carpeta %(ruta)s no está vacía.") % {"ruta": ruta})
    ruta.mkdir(parents=True, exist_ok=True)
    total = 0
    with (
        open(ruta / "inventario.csv", "w", newline="", encoding="utf-8") as inv_csv,
        open(ruta / "inventario.json", "w", encoding="utf-8") as inv_json,
    ):
        inv_csv.write("\ufeff")
        escritor = csv.writer(inv_csv)
        escritor.writerow(encabezados())
        inv_json.write("[")
        consulta = (
            registros.prefetch_related("instantaneas") if con_contenido else (registros)
        )
        for registro in _recorrer(consulta, avance, trozo=200):
            escritor.writerow(fila(registro))
            inv_json.write(",\n" if total else "\n")
            inv_json.write(json.dumps(como_dict(registro), ensure_ascii=False))
            total += 1
            _escribir_registro(registro, ruta, con_contenido, institucion)
        inv_json.write("\n]\n")
    info = {
        "Source-Organization": institucion or "Comunicación Social",
        "External-Description": _(
            "Transferencia de registros de publicaciones: %(n)s registro(s)."
        )
        % {"n": total},
        "Bagging-Date": timezone.localdate().isoformat(),
    }
    return bagit.make_bag(str(ruta), bag_info=info, checksums=["sha256", "sha512"])


def _escribir_registro(registro, ruta, con_contenido, institucion):
    carpeta = ruta / "registros" / f"{registro.pk:08d}"
    carpeta.mkdir(parents=True)
    datos = como_dict(registro)
    (carpeta / "dublin_core.xml").write_text(
        dublin_core(registro, institucion), encoding="utf-8"
    )
    if not con_contenido:
        (carpeta / "registro.json").write_text(
            json.dumps(datos, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        return
    datos["instantaneas"] = []
    for n, instantanea in enumerate(registro.instantaneas.all(), start=1):
        nombre = f"instantanea-{n:03d}"
        (carpeta / f"{nombre}.json").write_text(
            json.dumps(
                {
                    "revision": instantanea.revision_id,
                    "publicada": _fecha(instantanea.publicada),
                    "publicada_por": instantanea.publicada_por,
                    "titulo": instantanea.titulo,
                    "contenido": instantanea.contenido,
                    "archivos": instantanea.archivos,
                },
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        if instantanea.html:
            (carpeta / f"{nombre}.html").write_text(instantanea.html, encoding="utf-8")
        for adjunto in instantanea.archivos:
            base = os.path.basename(adjunto.get("archivo") or "") or "archivo"
            destino = carpeta / "archivos" / f"{adjunto['sha256'] or 'sin-hash'}-{base}"
            if not destino.exists():
                _copiar_archivo(adjunto, destino)
        datos["instantaneas"].append(nombre)
    (carpeta / "registro.json").write_text(
        json.dumps(datos, ensure_ascii=False, indent=2), encoding="utf-8"
    )
