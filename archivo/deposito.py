"""The write-once store: copy in at publication, copy out checked, verify, dispose.

Files are named by their SHA-256 (``registros/ab/cd/<sha256>``) in the private
storage (``STORAGES["archivo"]``): a folder that nothing serves, or a private S3
prefix with versioning. A name, once written, is never written again; only an
executed disposal (:func:`eliminar_de`) removes bytes. ``docs/resguardo.md``.
"""

import hashlib
import os
import tempfile

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .almacenamiento import almacen
from .models import ArchivoResguardado, Registro, VerificacionFijeza

BLOQUE = 1024 * 1024


class ArchivoAlterado(Exception):
    """A stored file no longer has the SHA-256 it was stored under."""


def ruta_de(sha256):
    """Where a file lives in the store, from its hash alone."""
    return f"registros/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def _copiar_y_resumir(origen, destino):
    """Copy ``origen`` into ``destino`` in blocks; its SHA-256 and size."""
    resumen, tamano = hashlib.sha256(), 0
    for bloque in iter(lambda: origen.read(BLOQUE), b""):
        resumen.update(bloque)
        destino.write(bloque)
        tamano += len(bloque)
    return resumen.hexdigest(), tamano


def resguardar(archivo, registros=()):
    """Copy a stored file (a FieldFile) into the store; ``(sha256, size)``.

    The hash is of the bytes copied, so the snapshot and the store agree even if
    the original is replaced a moment later. ``(None, None)`` if the file is gone.
    """
    try:
        archivo.open("rb")
    except (FileNotFoundError, OSError):
        return None, None
    with tempfile.SpooledTemporaryFile(max_size=16 * BLOQUE) as copia:
        try:
            sha256, tamano = _copiar_y_resumir(archivo, copia)
        finally:
            archivo.close()
        resguardado = ArchivoResguardado.objects.filter(sha256=sha256).first()
        if (
            resguardado is None
            or resguardado.eliminado_en
            or not almacen.exists(resguardado.ruta)
        ):
            copia.seek(0)
            # ``save`` never replaces an existing name (a leftover of a rolled-back
            # publication gets a new one), so nothing in the store is overwritten.
            ruta = almacen.save(ruta_de(sha256), File(copia, name=sha256))
            resguardado = _anotar(resguardado, sha256, tamano, ruta, archivo.name)
    if registros:
        resguardado.registros.add(*registros)
    return sha256, tamano


def _anotar(resguardado, sha256, tamano, ruta, nombre):
    nombre = os.path.basename(nombre or "") or "archivo"
    if resguardado is not None:
        resguardado.ruta, resguardado.eliminado_en = ruta, None
        resguardado.eliminado_por = None
        resguardado.save()
        return resguardado
    try:
        with transaction.atomic():
            return ArchivoResguardado.objects.create(
                sha256=sha256, nombre=nombre[:255], tamano=tamano, ruta=ruta
            )
    except IntegrityError:  # another publication stored the same bytes just now
        almacen.delete(ruta)
        return ArchivoResguardado.objects.get(sha256=sha256)


def copiar_a(resguardado, destino):
    """Copy a stored file out to the path ``destino``, checking its hash as it goes.

    False if the store no longer holds it (a disposal removed it, or it is
    missing); raises :class:`ArchivoAlterado`, leaving nothing at ``destino``, if
    the bytes changed since they were stored.
    """
    if resguardado.eliminado_en or not almacen.exists(resguardado.ruta):
        return False
    destino.parent.mkdir(parents=True, exist_ok=True)
    with almacen.open(resguardado.ruta, "rb") as origen, open(destino, "wb") as copia:
        encontrado, _tamano = _copiar_y_resumir(origen, copia)
    if encontrado != resguardado.sha256:
        destino.unlink()
        raise ArchivoAlterado(
            _(
                "El archivo resguardado «%(nombre)s» ya no coincide con su SHA-256 "
                "%(sha)s (ahora %(encontrado)s); la exportación se detuvo. Revisa "
                "el resguardo con «verificar_registros»."
            )
            % {
                "nombre": resguardado.nombre,
                "sha": resguardado.sha256,
                "encontrado": encontrado,
            }
        )
    return True


def _resumen_guardado(ruta):
    resumen = hashlib.sha256()
    with almacen.open(ruta, "rb") as archivo:
        for bloque in iter(lambda: archivo.read(BLOQUE), b""):
            resumen.update(bloque)
    return resumen.hexdigest()


def versionado():
    """The S3 bucket's versioning status ("Enabled", "Suspended", "Off"); "" locally."""
    bucket = getattr(almacen.real, "bucket", None)
    if bucket is None:
        return ""
    try:
        respuesta = bucket.meta.client.get_bucket_versioning(Bucket=bucket.name)
    except Exception:  # no permission to read it: say so rather than stop
        return "Desconocido"
    return respuesta.get("Status") or "Off"


def verificar():
    """Hash every stored file again; the run is saved and returned."""
    corrida = VerificacionFijeza.objects.create(iniciada=timezone.now())
    faltantes, alterados, revisados = [], [], 0
    for resguardado in ArchivoResguardado.objects.filter(eliminado_en=None).iterator():
        revisados += 1
        datos = {
            "sha256": resguardado.sha256,
            "nombre": resguardado.nombre,
            "ruta": resguardado.ruta,
        }
        # Any failure to read (a missing file, S3's 404 or 403) counts as missing.
        try:
            encontrado = _resumen_guardado(resguardado.ruta)
        except Exception as error:
            faltantes.append({**datos, "error": str(error)[:200]})
            continue
        if encontrado != resguardado.sha256:
            alterados.append({**datos, "encontrado": encontrado})
    corrida.revisados, corrida.faltantes, corrida.alterados = (
        revisados,
        faltantes,
        alterados,
    )
    corrida.versionado = versionado()
    corrida.terminada = timezone.now()
    corrida.save()
    return corrida


def eliminar_de(disposicion, registros):
    """An executed disposal removes the files only its disposed records cover."""
    ahora = timezone.now()
    resguardados = ArchivoResguardado.objects.filter(
        registros__in=registros, eliminado_en=None
    ).distinct()
    for resguardado in resguardados:
        vigentes = resguardado.registros.exclude(disposicion=Registro.BAJA)
        if vigentes.exists():
            continue  # another record still keeps these bytes
        resguardado.eliminado_en, resguardado.eliminado_por = ahora, disposicion
        resguardado.save(update_fields=["eliminado_en", "eliminado_por"])
        # The bytes go once the act is committed: a failed execution loses nothing.
        transaction.on_commit(lambda ruta=resguardado.ruta: almacen.delete(ruta))
