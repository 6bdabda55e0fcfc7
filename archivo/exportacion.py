"""Records out of the system: inventories (CSV, XLSX, JSON) and BagIt transfer packages.

Everything streams: records are read with ``iterator()`` in chunks and written as
they come, so 100,000 records cost the memory of one chunk, not of the list.
"""

import csv
import datetime
import json
import os
from pathlib import Path
from xml.sax.saxutils import escape

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .bolsa import Bolsa
from .deposito import copiar_a
from .hojas import fila_csv, fila_xlsx
from .models import Registro, SerieDocumental
from .registry import registrable

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


# The inventory's columns, in order (headings, and keys for JSON).
COLUMNAS = [
    ("numero", _("Número de registro")),
    ("folio", _("Folio")),
    ("titulo", _("Título")),
    ("tipo", _("Tipo")),
    ("codigo_serie", _("Código de serie")),
    ("serie", _("Serie")),
    ("valores", _("Valores documentales")),
    ("area", _("Área o plantel")),
    ("responsable", _("Responsable")),
    ("puesto_responsable", _("Puesto responsable")),
    ("soporte", _("Soporte")),
    ("ubicacion", _("Ubicación")),
    ("abierto", _("Apertura")),
    ("ultima_accion", _("Última acción")),
    ("ultima_accion_en", _("Fecha de la última acción")),
    ("fin_tramite", _("Fin del plazo en trámite")),
    ("fin_concentracion", _("Fin del plazo en concentración")),
    ("destino_final", _("Destino final")),
    ("estado", _("Estado")),
    ("reserva", _("En reserva")),
    ("reserva_motivo", _("Motivo de la reserva")),
    ("url", _("Dirección pública")),
]
CLAVES = [clave for clave, _titulo in COLUMNAS]

# Read as plain tuples: building model instances would double the export's time.
CAMPOS = [
    "pk",
    "folio",
    "titulo",
    "tipo",
    "serie_id",
    "area",
    "responsable",
    "abierto",
    "ultima_accion",
    "ultima_accion_en",
    "fin_tramite",
    "fin_concentracion",
    "disposicion",
    "reserva",
    "reserva_motivo",
    "url",
]


def encabezados():
    return [str(titulo) for _clave, titulo in COLUMNAS]


class Lector:
    """Turns records into rows; translations and series texts are read once.

    Translating the same labels for every one of 100,000 rows cost more than
    reading the rows, so each export translates once and looks up after that.
    """

    def __init__(self):
        self.hoy = timezone.localdate()
        self.estados = {clave: str(nombre) for clave, nombre in Registro.ESTADOS}
        self.si_no = {True: str(_("sí")), False: str(_("no"))}
        self.series = {
            serie.pk: (
                serie.codigo,
                serie.nombre,
                serie.valores,
                serie.puesto_responsable,
                str(serie.get_soporte_display()),
                serie.ubicacion,
                str(serie.get_destino_final_display()),
            )
            for serie in SerieDocumental.objects.all()
        }
        self.sin_serie = ("",) * 7
        self.zona = timezone.get_current_timezone()

    def fecha(self, valor):
        if valor is None:
            return ""
        if isinstance(valor, datetime.datetime):
            valor = valor.astimezone(self.zona)
        return valor.isoformat()

    def estado(self, r):
        if r.disposicion:
            return self.estados[r.disposicion]
        if r.fin_tramite is None or self.hoy < r.fin_tramite:
            return self.estados[Registro.EN_TRAMITE]
        return self.estados[Registro.EN_CONCENTRACION]

    def fila(self, r):
        codigo, nombre, valores, puesto, soporte, ubicacion, destino = self.series.get(
            r.serie_id, self.sin_serie
        )
        return [
            r.pk,
            r.folio,
            r.titulo,
            r.tipo,
            codigo,
            nombre,
            valores,
            r.area,
            r.responsable,
            puesto,
            soporte,
            ubicacion,
            self.fecha(r.abierto),
            r.ultima_accion,
            self.fecha(r.ultima_accion_en),
            self.fecha(r.fin_tramite),
            self.fecha(r.fin_concentracion),
            destino,
            self.estado(r),
            self.si_no[r.reserva],
            r.reserva_motivo,
            r.url,
        ]

    def como_dict(self, r):
        return dict(zip(CLAVES, self.fila(r), strict=True))


def _recorrer(registros, avance, trozo=TROZO, tuplas=True):
    if tuplas:
        registros = registros.select_related(None).values_list(*CAMPOS, named=True)
    for n, registro in enumerate(registros.iterator(chunk_size=trozo), start=1):
        yield registro
        if avance:
            avance(n)


def escribir_csv(registros, salida, avance=None):
    """The inventory as CSV (UTF-8 with BOM, so spreadsheets read the accents)."""
    lector = Lector()
    salida.write("\ufeff")
    escritor = csv.writer(salida)
    escritor.writerow(encabezados())
    for registro in _recorrer(registros, avance):
        escritor.writerow(fila_csv(lector.fila(registro)))


def escribir_json(registros, salida, avance=None):
    """The inventory as a JSON array, written one record at a time."""
    lector = Lector()
    salida.write("[")
    for n, registro in enumerate(_recorrer(registros, avance)):
        salida.write(",\n" if n else "\n")
        salida.write(json.dumps(lector.como_dict(registro), ensure_ascii=False))
    salida.write("\n]\n")


def escribir_xlsx(registros, ruta, avance=None):
    """The inventory as XLSX, with openpyxl's write-only (streaming) workbook."""
    libro = Workbook(write_only=True)
    hoja = libro.create_sheet(str(_("Inventario")))
    hoja.append(encabezados())
    lector = Lector()
    for registro in _recorrer(registros, avance):
        hoja.append(fila_xlsx(hoja, lector.fila(registro)))
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


def escribir_bagit(registros, ruta, avance=None, con_contenido=True, institucion=""):
    """A BagIt package (RFC 8493): per record its snapshots and files, plus the
    inventory (CSV and JSON) and Dublin Core metadata; returns the bag's path.

    ``con_contenido=False`` writes the metadata only (record JSON and Dublin Core).
    The bag is written as it goes (:class:`archivo.bolsa.Bolsa`): memory stays
    that of one chunk of records, whatever their number.
    """
    ruta = Path(ruta)
    if ruta.exists() and any(ruta.iterdir()):
        raise FileExistsError(_("La carpeta %(ruta)s no está vacía.") % {"ruta": ruta})
    bolsa = Bolsa(ruta)
    total = 0
    with (
        bolsa.abrir("inventario.csv") as inv_csv,
        bolsa.abrir("inventario.json") as inv_json,
    ):
        inv_csv.write("\ufeff")
        escritor = csv.writer(inv_csv)
        escritor.writerow(encabezados())
        inv_json.write("[")
        consulta = (
            registros.prefetch_related("instantaneas", "archivos_resguardados")
            if con_contenido
            else registros.select_related("serie")
        )
        lector = Lector()
        for registro in _recorrer(consulta, avance, trozo=200, tuplas=False):
            datos = lector.como_dict(registro)
            escritor.writerow(fila_csv(datos.values()))
            inv_json.write(",\n" if total else "\n")
            inv_json.write(json.dumps(datos, ensure_ascii=False))
            total += 1
            _escribir_registro(registro, datos, bolsa, con_contenido, institucion)
        inv_json.write("\n]\n")
    return bolsa.cerrar(
        {
            "Source-Organization": institucion or "Comunicación Social",
            "External-Description": _(
                "Transferencia de registros de publicaciones: %(n)s registro(s)."
            )
            % {"n": total},
        }
    )


def carpeta_de(registro):
    """The record's folder in a package: its model's (``register(carpeta=…)``),
    such as the síntesis' ``sintesis/AAAA/MM``, else ``registros``."""
    modelo = (
        ContentType.objects.get_for_id(registro.content_type_id).model_class()
        if registro.content_type_id
        else None
    )
    registrado = registrable(modelo) if modelo else None
    if registrado is not None and registrado.carpeta is not None:
        instancia = modelo._default_manager.filter(pk=registro.object_id).first()
        if instancia is not None:
            return Path(registrado.carpeta(instancia)) / f"{registro.pk:08d}"
    return Path("registros") / f"{registro.pk:08d}"


def _escribir_registro(registro, datos, bolsa, con_contenido, institucion):
    carpeta = carpeta_de(registro).as_posix()
    datos = dict(datos)
    bolsa.escribir(f"{carpeta}/dublin_core.xml", dublin_core(registro, institucion))
    if not con_contenido:
        # Compact: json's C encoder, where indenting falls back to Python's.
        registro_json = json.dumps(datos, ensure_ascii=False)
        bolsa.escribir(f"{carpeta}/registro.json", registro_json)
        return
    datos["instantaneas"] = []
    resguardados = {r.sha256: r for r in registro.archivos_resguardados.all()}
    nombres = {}  # sha256 -> the file name it had when published
    for n, instantanea in enumerate(registro.instantaneas.all(), start=1):
        nombre = f"instantanea-{n:03d}"
        bolsa.escribir(
            f"{carpeta}/{nombre}.json",
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
        )
        if instantanea.html:
            bolsa.escribir(f"{carpeta}/{nombre}.html", instantanea.html)
        for adjunto in instantanea.archivos:
            base = os.path.basename(adjunto.get("archivo") or "") or "archivo"
            nombres.setdefault(adjunto.get("sha256"), base)
        datos["instantaneas"].append(nombre)
    # A photo's own record has no snapshot, but the store keeps its bytes too.
    for sha256, resguardado in resguardados.items():
        nombres.setdefault(sha256, resguardado.nombre)
    no_incluidos = []
    for sha256, base in nombres.items():
        relativa = f"{carpeta}/archivos/{sha256 or 'sin-hash'}-{base}"
        resguardado = resguardados.get(sha256)
        if resguardado is not None and copiar_a(resguardado, bolsa.ruta_de(relativa)):
            bolsa.agregar(relativa)
            continue
        no_incluidos.append(
            {"sha256": sha256, "archivo": base, "motivo": _motivo(resguardado)}
        )
    if no_incluidos:
        datos["archivos_no_incluidos"] = no_incluidos
    bolsa.escribir(
        f"{carpeta}/registro.json", json.dumps(datos, ensure_ascii=False, indent=2)
    )


def _motivo(resguardado):
    """Why a file a snapshot names is not in the package."""
    if resguardado is None:
        return _("no está en el resguardo de registros")
    if resguardado.eliminado_por_id:
        return _("eliminado por la disposición %(acta)s") % {
            "acta": resguardado.eliminado_por.numero
        }
    return _("falta en el resguardo de registros (ver «verificar_registros»)")
