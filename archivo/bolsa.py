"""A BagIt bag (RFC 8493) written as it goes, for transfers of any size.

``bagit.make_bag`` moves a finished folder into ``data/`` and then reads every
file back to hash it, holding each manifest in a dict: 100,000 records took 60 s
and 315 MB. Here every payload file is hashed while it is written and its line
goes to the open manifests at once, so memory stays flat and nothing is read
twice. The ``bagit`` library still reads and validates the result (the tests
check every bag with it).
"""

import hashlib
from pathlib import Path

from django.utils import timezone

ALGORITMOS = ("sha256", "sha512")
VERSION = "1.0"
TROZO = 1 << 20


def _ruta_en_manifiesto(relativa):
    """RFC 8493 §2.1.3: percent-encode only CR, LF and ``%`` in a manifest path."""
    return relativa.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class _Escritura:
    """A payload file open for writing (text or bytes), hashed as it is written."""

    def __init__(self, bolsa, relativa):
        self.bolsa = bolsa
        self.relativa = relativa
        carpeta, _, _nombre = relativa.rpartition("/")
        bolsa._carpeta(carpeta)
        self.archivo = open(f"{bolsa.datos}/{relativa}", "wb")  # noqa: SIM115 (closed in close())
        self.resumenes = {a: hashlib.new(a) for a in ALGORITMOS}
        self.tamano = 0

    def write(self, datos):
        if isinstance(datos, str):
            datos = datos.encode("utf-8")
        for resumen in self.resumenes.values():
            resumen.update(datos)
        self.tamano += len(datos)
        self.archivo.write(datos)
        return len(datos)

    def close(self):
        self.archivo.close()
        self.bolsa._anotar(self.relativa, self.resumenes, self.tamano)

    def __enter__(self):
        return self

    def __exit__(self, tipo, *_):
        if tipo is None:
            self.close()
        else:
            self.archivo.close()


class Bolsa:
    """A bag under construction at ``ruta`` (an empty or missing folder).

    Write the payload with :meth:`escribir` (a whole text), :meth:`abrir` (a
    stream) or :meth:`agregar` (a file already placed under ``data/``); then
    :meth:`cerrar` writes the declaration, ``bag-info.txt`` with the
    Payload-Oxum, and the tag manifests.
    """

    def __init__(self, ruta):
        self.ruta = Path(ruta)
        self.datos = self.ruta / "data"
        self.datos.mkdir(parents=True)
        self.manifiestos = {
            a: open(self.ruta / f"manifest-{a}.txt", "w", encoding="utf-8")  # noqa: SIM115
            for a in ALGORITMOS
        }
        self.octetos = 0
        self.archivos = 0
        self._ultima_carpeta = ""

    def _carpeta(self, relativa):
        """Create ``data/<relativa>``; a record's files follow each other in one."""
        if relativa != self._ultima_carpeta:
            (self.datos / relativa).mkdir(parents=True, exist_ok=True)
            self._ultima_carpeta = relativa

    def _anotar(self, relativa, resumenes, tamano):
        linea = _ruta_en_manifiesto(f"data/{relativa}")
        for algoritmo, resumen in resumenes.items():
            self.manifiestos[algoritmo].write(f"{resumen.hexdigest()}  {linea}\n")
        self.octetos += tamano
        self.archivos += 1

    def abrir(self, relativa):
        return _Escritura(self, relativa)

    def escribir(self, relativa, texto):
        with self.abrir(relativa) as escritura:
            escritura.write(texto)

    def ruta_de(self, relativa):
        """Where a payload file placed by other code (then :meth:`agregar`) goes."""
        self._carpeta(relativa.rpartition("/")[0])
        return self.datos / relativa

    def agregar(self, relativa):
        """Hash and list a file already written at :meth:`ruta_de`."""
        resumenes = {a: hashlib.new(a) for a in ALGORITMOS}
        tamano = 0
        with open(self.ruta_de(relativa), "rb") as archivo:
            while trozo := archivo.read(TROZO):
                tamano += len(trozo)
                for resumen in resumenes.values():
                    resumen.update(trozo)
        self._anotar(relativa, resumenes, tamano)

    def cerrar(self, info):
        """Finish the bag with ``info`` in ``bag-info.txt``; returns its path."""
        for manifiesto in self.manifiestos.values():
            manifiesto.close()
        (self.ruta / "bagit.txt").write_text(
            f"BagIt-Version: {VERSION}\nTag-File-Character-Encoding: UTF-8\n",
            encoding="utf-8",
        )
        campos = {
            "Bagging-Date": timezone.localdate().isoformat(),
            **info,
            "Payload-Oxum": f"{self.octetos}.{self.archivos}",
        }
        (self.ruta / "bag-info.txt").write_text(
            "".join(
                f"{clave}: {' '.join(str(valor).split())}\n"
                for clave, valor in campos.items()
            ),
            encoding="utf-8",
        )
        etiquetas = [
            "bagit.txt",
            "bag-info.txt",
            *(f"manifest-{a}.txt" for a in ALGORITMOS),
        ]
        for algoritmo in ALGORITMOS:
            lineas = []
            for nombre in etiquetas:
                resumen = hashlib.new(algoritmo)
                with open(self.ruta / nombre, "rb") as archivo:
                    while trozo := archivo.read(TROZO):
                        resumen.update(trozo)
                lineas.append(f"{resumen.hexdigest()}  {nombre}\n")
            (self.ruta / f"tagmanifest-{algoritmo}.txt").write_text(
                "".join(lineas), encoding="utf-8"
            )
        return self.ruta
