"""CSV import of comment exports: read whole, check every row, then save all or none.

A file with any bad row is refused whole, with one Spanish error per row; a
good file is shown as a preview first and saved in one transaction.
Duplicates (same normalised URL or same text) are skipped and counted.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .clasificacion import aplicar_reglas, reglas_activas
from .models import Medio, Mencion
from .models.importacion import CAMPOS_CSV
from .models.menciones import CSV, SENTIMIENTOS, TIPOS, huella_de, normalizar_url

LIMITE_DE_FILAS = 5000
TIPOS_POR_NOMBRE = {
    **{str(nombre).lower(): clave for clave, nombre in TIPOS},
    **{clave: clave for clave, _n in TIPOS},
}
SENTIMIENTOS_POR_NOMBRE = {
    **{str(nombre).lower(): clave for clave, nombre in SENTIMIENTOS},
    **{clave: clave for clave, _n in SENTIMIENTOS},
}


NOMBRES = {campo: nombre for campo, nombre, _o in CAMPOS_CSV}


@dataclass
class Lectura:
    """What a file gave: the rows ready to save, or the errors that refuse it."""

    filas: list = field(default_factory=list)
    errores: list = field(default_factory=list)

    @property
    def valida(self):
        return not self.errores and bool(self.filas)


def _decodificar(contenido):
    for codificacion in ("utf-8-sig", "cp1252"):
        try:
            return contenido.decode(codificacion)
        except UnicodeDecodeError:
            continue
    return None


def leer(formato, contenido):
    """Check every row of ``contenido`` (bytes) against the source's ``formato``."""
    lectura = Lectura()
    texto = _decodificar(contenido)
    if texto is None:
        lectura.errores.append(_("El archivo no es texto UTF-8 ni Windows-1252."))
        return lectura
    lector = csv.DictReader(io.StringIO(texto), delimiter=formato.separador)
    columnas = formato.columnas()
    encabezados = lector.fieldnames or []
    faltan = [c for c in columnas.values() if c not in encabezados]
    if faltan:
        lectura.errores.append(
            _("Faltan columnas en el archivo: %(c)s.") % {"c": ", ".join(faltan)}
        )
        return lectura
    medios = {m.nombre.lower(): m for m in Medio.objects.all()}
    obligatorios = [c for c, _n, ob in CAMPOS_CSV if ob]
    for numero, fila in enumerate(lector, start=2):  # line 1 holds the headers
        if numero - 1 > LIMITE_DE_FILAS:
            lectura.errores.append(
                _("El archivo pasa de %(n)s filas; divídelo.") % {"n": LIMITE_DE_FILAS}
            )
            break
        valores = {c: (fila.get(col) or "").strip() for c, col in columnas.items()}
        errores = []
        for campo in obligatorios:
            if not valores.get(campo):
                errores.append(
                    _("falta %(campo)s") % {"campo": str(NOMBRES[campo]).lower()}
                )
        fecha = None
        if valores.get("fecha"):
            try:
                fecha = timezone.make_aware(
                    datetime.strptime(valores["fecha"], formato.formato_fecha)
                )
            except ValueError:
                errores.append(
                    _("la fecha «%(f)s» no tiene el formato %(formato)s")
                    % {"f": valores["fecha"], "formato": formato.formato_fecha}
                )
        medio = formato.medio
        if valores.get("medio"):
            medio = medios.get(valores["medio"].lower())
            if medio is None:
                errores.append(
                    _("el medio «%(m)s» no está en el directorio")
                    % {"m": valores["medio"]}
                )
        tipo = ""
        if valores.get("tipo"):
            tipo = TIPOS_POR_NOMBRE.get(valores["tipo"].lower(), "")
            if not tipo:
                errores.append(_("el tipo «%(t)s» no existe") % {"t": valores["tipo"]})
        sentimiento = ""
        if valores.get("sentimiento"):
            sentimiento = SENTIMIENTOS_POR_NOMBRE.get(
                valores["sentimiento"].lower(), ""
            )
            if not sentimiento:
                errores.append(
                    _("el sentimiento «%(s)s» no existe")
                    % {"s": valores["sentimiento"]}
                )
        url = valores.get("url", "")
        if url and not url.startswith(("http://", "https://")):
            errores.append(_("la dirección «%(u)s» no es un enlace") % {"u": url})
        if errores:
            lectura.errores.append(
                _("Fila %(n)s: %(errores)s.")
                % {"n": numero, "errores": "; ".join(errores)}
            )
            continue
        lectura.filas.append(
            {
                "publicada_en": fecha,
                "texto": valores["texto"],
                "autor": valores.get("autor", "")[:255],
                "url": url[:1000],
                "cuenta": valores.get("cuenta", "")[:255],
                "medio": medio,
                "tipo": tipo,
                "sentimiento": sentimiento,
                "tema": valores.get("tema", "")[:120],
            }
        )
    if not lectura.filas and not lectura.errores:
        lectura.errores.append(_("El archivo no tiene filas."))
    return lectura


@transaction.atomic
def importar(lectura, usuario):
    """Save a valid reading; returns (created, skipped as duplicates)."""
    reglas = reglas_activas()
    creadas, repetidas = [], 0
    vistas = set()
    for datos in lectura.filas:
        url_normalizada, huella = (
            normalizar_url(datos["url"]),
            huella_de(datos["texto"]),
        )
        repetida = Q(huella=huella)
        if url_normalizada:
            repetida |= Q(url_normalizada=url_normalizada)
        if (
            huella in vistas
            or (url_normalizada and url_normalizada in vistas)
            or Mencion.objects.filter(repetida).exists()
        ):
            repetidas += 1
            continue
        vistas |= {huella, url_normalizada} - {""}
        mencion = Mencion(**datos, origen=CSV, creada_por=usuario)
        mencion.url_normalizada, mencion.huella = url_normalizada, huella
        # A class the file brings is the source's own: rules leave it alone.
        mencion.clasificacion_manual = bool(datos["tipo"] or datos["sentimiento"])
        if not mencion.clasificacion_manual:
            aplicar_reglas(mencion, reglas)
        if mencion.tipo and mencion.sentimiento:
            mencion.estado = Mencion.CLASIFICADA
        creadas.append(mencion)
    # bulk_create skips save(): the URL and hash were set above.
    Mencion.objects.bulk_create(creadas, batch_size=500)
    return len(creadas), repetidas
