"""Rules that classify mentions, and the suggestion of the publication they refer to.

A class set by a person (``clasificacion_manual``) is never changed by a rule, not
even by «Aplicar a menciones existentes».
"""

import re
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .models import Mencion, Regla
from .models.menciones import normalizar_texto

CAMPOS = ("tipo", "sentimiento", "tema", "area_id")
# Words too common to tell two publications apart.
VACIAS = {
    "para",
    "como",
    "sobre",
    "entre",
    "desde",
    "hasta",
    "donde",
    "cuando",
    "porque",
    "segun",
    "tras",
    "ante",
    "este",
    "esta",
    "estos",
    "estas",
    "todos",
    "todas",
    "nuevo",
    "nueva",
    "nuevos",
    "nuevas",
    "plantel",
    "planteles",
}


def reglas_activas():
    return list(Regla.objects.filter(activa=True).order_by("orden", "pk"))


def aplicar_reglas(mencion, reglas=None):
    """Set the class of the first matching rule; True if the mention changed.

    Only the fields the rule sets, only on a mention nobody classified by hand.
    """
    if mencion.clasificacion_manual:
        return False
    reglas = reglas_activas() if reglas is None else reglas
    texto = normalizar_texto(mencion.texto)
    for regla in reglas:
        if not regla.coincide(mencion, texto):
            continue
        cambio = False
        for campo in CAMPOS:
            valor = getattr(regla, campo)
            if valor and getattr(mencion, campo) != valor:
                setattr(mencion, campo, valor)
                cambio = True
        if cambio or mencion.regla_id != regla.pk:
            mencion.regla = regla
        if mencion.estado == Mencion.NUEVA and mencion.tipo and mencion.sentimiento:
            mencion.estado = Mencion.CLASIFICADA
            cambio = True
        return cambio
    return False


@transaction.atomic
def aplicar_a_existentes(desde, hasta):
    """Re-run the rules on the mentions published from ``desde`` to ``hasta``.

    Returns how many mentions changed; manual classes are left alone.
    """
    reglas = reglas_activas()
    cambiadas = []
    menciones = Mencion.objects.filter(
        publicada_en__date__range=(desde, hasta), clasificacion_manual=False
    ).only("pk", "texto", "origen", "medio_id", "estado", "regla_id", *CAMPOS)
    for mencion in menciones.iterator(chunk_size=2000):
        if aplicar_reglas(mencion, reglas):
            cambiadas.append(mencion)
    Mencion.objects.bulk_update(
        cambiadas, [*CAMPOS, "regla", "estado"], batch_size=1000
    )
    return len(cambiadas)


def _palabras(texto):
    return {
        p
        for p in re.findall(r"[a-z0-9ñ]+", normalizar_texto(texto))
        if len(p) >= 4 and p not in VACIAS
    }


def modelos_de_publicacion():
    """The page models a mention may refer to (``MONITOREO_PUBLICACIONES``)."""
    return [apps.get_model(label) for label in settings.MONITOREO_PUBLICACIONES]


def sugerir_publicacion(mencion, hoy=None):
    """The recent live publication whose title shares most words with the text.

    Publications are read as pages, by label: monitoreo imports no content app.
    A URL of the publication in the mention wins outright.
    """
    hoy = hoy or timezone.now()
    desde = hoy - timedelta(days=settings.MONITOREO_DIAS_DE_SUGERENCIA)
    candidatas = (
        Page.objects.live()
        .type(*modelos_de_publicacion())
        .filter(first_published_at__gte=desde, first_published_at__lte=hoy)
        .only("pk", "title", "url_path", "slug")
        .order_by("-first_published_at")[:200]
    )
    texto = f"{mencion.texto} {mencion.url}"
    palabras = _palabras(mencion.texto)
    mejor, puntos_mejor = None, 0
    for pagina in candidatas:
        if pagina.slug and len(pagina.slug) > 8 and pagina.slug in texto:
            return pagina
        titulo = _palabras(pagina.title)
        if not titulo:
            continue
        comunes = len(titulo & palabras)
        # At least three words, or most of a short title.
        if comunes >= min(3, len(titulo)) and comunes > puntos_mejor:
            mejor, puntos_mejor = pagina, comunes
    return mejor


def clasificar_nueva(mencion):
    """What happens to a new mention before it is saved: rules, then suggestion."""
    aplicar_reglas(mencion)
    if mencion.publicacion_id is None and mencion.publicacion_sugerida_id is None:
        sugerida = sugerir_publicacion(mencion)
        if sugerida is not None:
            mencion.publicacion_sugerida = sugerida
