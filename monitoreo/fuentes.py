"""Intake from online press portals: RSS/Atom polling with conditional GET.

Each outlet with a feed is read at most once per ``MONITOREO_INTERVALO_CANALES``
seconds. The request carries the ETag and Last-Modified of the previous answer,
so an unchanged feed costs a 304 and nothing else. Only items that name a watch
term (institution name and acronym, the Titular, ``MONITOREO_TERMINOS``) become
mentions; an item whose normalised URL or text hash is already known is dropped.
"""

import logging
import re
import urllib.error
import urllib.request
from calendar import timegm
from datetime import UTC, datetime, timedelta

import feedparser
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Site

from home.models import InstitucionSettings

from .clasificacion import clasificar_nueva
from .models import Medio, Mencion
from .models.menciones import RSS, huella_de, normalizar_texto, normalizar_url

logger = logging.getLogger(__name__)


def terminos_de_vigilancia():
    """The normalised phrases that make a feed item a mention."""
    terminos = list(settings.MONITOREO_TERMINOS)
    sitio = Site.objects.filter(is_default_site=True).first()
    if sitio is not None:
        ajustes = InstitucionSettings.for_site(sitio)
        terminos += [ajustes.nombre, ajustes.siglas]
    titulares = get_user_model().objects.filter(groups__name="Titular", is_active=True)
    terminos += [u.get_full_name() for u in titulares]
    return sorted({normalizar_texto(t) for t in terminos if t and t.strip()})


def menciona(texto, terminos):
    """Whether the normalised ``texto`` names a term as whole words."""
    texto = normalizar_texto(texto)
    return any(re.search(rf"\b{re.escape(t)}\b", texto) for t in terminos)


def _descargar(medio):
    """The feed's body, or None when the server answers 304 Not Modified."""
    peticion = urllib.request.Request(
        medio.feed, headers={"User-Agent": settings.MONITOREO_AGENTE}
    )
    if medio.feed_etag:
        peticion.add_header("If-None-Match", medio.feed_etag)
    if medio.feed_modificado:
        peticion.add_header("If-Modified-Since", medio.feed_modificado)
    try:
        with urllib.request.urlopen(peticion, timeout=20) as respuesta:
            cuerpo = respuesta.read()
            medio.feed_etag = respuesta.headers.get("ETag", "")
            medio.feed_modificado = respuesta.headers.get("Last-Modified", "")
            return cuerpo
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise


def _fecha(entrada):
    fecha = entrada.get("published_parsed") or entrada.get("updated_parsed")
    if fecha:
        return datetime.fromtimestamp(timegm(fecha), tz=UTC)
    return timezone.now()


def revisar_canal(medio, terminos=None):
    """Read one outlet's feed; returns how many new mentions it gave."""
    terminos = terminos_de_vigilancia() if terminos is None else terminos
    cuerpo = _descargar(medio)
    medio.feed_revisado_en = timezone.now()
    nuevas = 0
    if cuerpo is not None:
        canal = feedparser.parse(cuerpo)
        with transaction.atomic():
            for entrada in canal.entries:
                titulo = strip_tags(entrada.get("title", ""))
                resumen = strip_tags(entrada.get("summary", ""))
                texto = f"{titulo}\n\n{resumen}".strip()
                if not menciona(texto, terminos):
                    continue
                url = entrada.get("link", "")
                url_normalizada, huella = normalizar_url(url), huella_de(texto)
                repetida = Q(huella=huella)
                if url_normalizada:
                    repetida |= Q(url_normalizada=url_normalizada)
                if Mencion.objects.filter(repetida).exists():
                    continue
                mencion = Mencion(
                    medio=medio,
                    origen=RSS,
                    publicada_en=_fecha(entrada),
                    url=url[:1000],
                    autor=strip_tags(entrada.get("author", ""))[:255],
                    texto=texto,
                )
                clasificar_nueva(mencion)
                mencion.save()
                nuevas += 1
    medio.save(update_fields=["feed_etag", "feed_modificado", "feed_revisado_en"])
    return nuevas


def canales_pendientes(ahora=None):
    """Outlets whose feed is due for a read."""
    ahora = ahora or timezone.now()
    limite = ahora - timedelta(seconds=settings.MONITOREO_INTERVALO_CANALES)
    return (
        Medio.objects.filter(activo=True)
        .exclude(feed="")
        .filter(Q(feed_revisado_en__isnull=True) | Q(feed_revisado_en__lte=limite))
    )


def revisar_canales(medios=None):
    """Read every due feed; a failing feed is logged and retried on the next turn."""
    terminos = terminos_de_vigilancia()
    total = 0
    for medio in canales_pendientes() if medios is None else medios:
        try:
            total += revisar_canal(medio, terminos)
        except (OSError, ValueError) as error:
            logger.warning("No se pudo leer el canal de %s: %s", medio, error)
            Medio.objects.filter(pk=medio.pk).update(feed_revisado_en=timezone.now())
    return total
