"""The project's Spanish catalogue over Wagtail's and django-axes': what is missing.

Wagtail's Spanish covers about three quarters of its admin and django-axes ships no
Spanish; ``cms/locale/es_MX`` completes them (``docs/traducciones.md``). After an
upgrade, :func:`pendientes` lists the upstream msgids that no catalogue translates.
"""

import sysconfig
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation import trans_real

DOMINIOS = ("django", "djangojs")
CATALOGO = Path(settings.LOCALE_PATHS[0]) / "es_MX" / "LC_MESSAGES"


@dataclass(frozen=True)
class Pendiente:
    """An upstream msgid that the active language does not translate."""

    app: str
    dominio: str
    msgid: str
    msgctxt: str | None


def _fuente(carpeta, dominio):
    """The upstream .po that holds every msgid: English's, else any language's."""
    ingles = carpeta / "en" / "LC_MESSAGES" / f"{dominio}.po"
    if ingles.exists():
        return ingles
    return next(iter(sorted(carpeta.glob(f"*/LC_MESSAGES/{dominio}.po"))), None)


def apps_de_terceros():
    """Installed apps that are not part of this project (Wagtail, django-axes, …)."""
    proyecto = Path(settings.BASE_DIR).resolve()
    # make install puts the venv inside the project: its packages are not ours.
    paquetes = Path(sysconfig.get_paths()["purelib"]).resolve()
    for config in apps.get_app_configs():
        ruta = Path(config.path).resolve()
        propia = ruta.is_relative_to(proyecto) and not ruta.is_relative_to(paquetes)
        if not propia and (ruta / "locale").is_dir():
            yield config


def _catalogo(idioma, dominio):
    if dominio == "django":
        return trans_real.translation(idioma)._catalog
    rutas = [Path(c.path) / "locale" for c in apps.get_app_configs()]
    return trans_real.DjangoTranslation(
        idioma, domain=dominio, localedirs=[str(r) for r in rutas if r.is_dir()]
    )._catalog


def pendientes(idioma=None, prefijos=("wagtail", "axes")):
    """Every msgid of the apps under ``prefijos`` with no translation in ``idioma``."""
    idioma = idioma or settings.LANGUAGE_CODE
    faltan = []
    for config in apps_de_terceros():
        if not config.name.startswith(prefijos):
            continue
        for dominio in DOMINIOS:
            fuente = _fuente(Path(config.path) / "locale", dominio)
            if fuente is None:
                continue
            catalogo = _catalogo(idioma, dominio)
            for entrada in polib.pofile(str(fuente)):
                if entrada.obsolete or not entrada.msgid:
                    continue
                clave = entrada.msgid
                if entrada.msgctxt:
                    clave = f"{entrada.msgctxt}\x04{clave}"
                if entrada.msgid_plural:
                    clave = (clave, 0)
                if clave not in catalogo:
                    faltan.append(
                        Pendiente(config.name, dominio, entrada.msgid, entrada.msgctxt)
                    )
    return faltan


def compilar(carpeta=CATALOGO):
    """Compile the project's .po files into the .mo files Django reads (no msgfmt)."""
    compilados = []
    for po in sorted(Path(carpeta).glob("*.po")):
        mo = po.with_suffix(".mo")
        polib.pofile(str(po)).save_as_mofile(str(mo))
        compilados.append(mo)
    return compilados
