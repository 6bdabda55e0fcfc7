"""What a snapshot freezes: the revision's content, its rendered page, its files.

Publication happens in the admin, in the scheduler or in a shell, so the page is
rendered with a request built here rather than the current one.
"""

import json
import logging
from html import escape

from django.contrib.auth.models import AnonymousUser
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.test import RequestFactory
from wagtail.models import Page, ReferenceIndex, Site

from .deposito import resguardar
from .registry import registrable, registrados

logger = logging.getLogger(__name__)


def contenido(instancia, revision=None):
    """The revision's content as JSON-safe data (the page's fields otherwise)."""
    if revision is not None:
        datos = revision.content
    elif hasattr(instancia, "serializable_data"):  # pages, clusterable models
        datos = instancia.serializable_data()
    else:  # a plain model registered for records (e.g. a post's evidence)
        datos = serializers.serialize("python", [instancia])[0]["fields"]
    return json.loads(json.dumps(datos, cls=DjangoJSONEncoder))


def _peticion(pagina):
    sitio = pagina.get_site() or Site.objects.filter(is_default_site=True).first()
    host = sitio.hostname if sitio else "localhost"
    puerto = sitio.port if sitio else 80
    peticion = RequestFactory().get(
        pagina.url or "/", SERVER_NAME=host, SERVER_PORT=str(puerto)
    )
    # The host is the site's own, not user input: rendering must not depend on
    # it being listed in ALLOWED_HOSTS (the scheduler has no request at all).
    nombre = host if puerto in (80, 443) else f"{host}:{puerto}"
    peticion.get_host = lambda: nombre
    peticion.user = AnonymousUser()
    peticion._wagtail_site = sitio
    return peticion


def html_de(instancia):
    """The public HTML of a page as a visitor would receive it; "" for non-pages.

    A template error must not undo the publication: the snapshot then keeps the
    error instead of the HTML (the revision's JSON is still complete).
    """
    if not isinstance(instancia, Page):
        return ""
    try:
        respuesta = instancia.serve(_peticion(instancia))
        if hasattr(respuesta, "render"):
            respuesta.render()
        return respuesta.content.decode(respuesta.charset or "utf-8")
    except Exception as error:
        logger.exception("No se pudo renderizar la página %s", instancia.pk)
        return f"<!-- No se pudo renderizar la página: {escape(str(error))} -->"


def adjuntos_de(instancia):
    """The registered non-page objects (images, documents) the item references."""
    registro = registrable(instancia)
    if registro and registro.adjuntos:
        return list(registro.adjuntos(instancia))
    modelos = {r.modelo for r in registrados() if not issubclass(r.modelo, Page)}
    por_tipo = {}
    # Wagtail's reference extraction covers foreign keys, child relations
    # (a boletín's photos), StreamField blocks and rich-text links alike.
    extraidas = ReferenceIndex._extract_references_from_object(instancia)
    for content_type_id, object_id, *_ in extraidas:
        por_tipo.setdefault(content_type_id, set()).add(object_id)
    objetos = []
    for modelo in modelos:
        base = ReferenceIndex._get_base_content_type(modelo)
        ids = por_tipo.get(base.id)
        if ids:
            objetos += list(modelo.objects.filter(pk__in=ids).order_by("pk"))
    return objetos


def descripcion_de_archivo(objeto, registros=()):
    """What a snapshot keeps of an attached object: identity, file name, hash.

    The file itself is copied into the records' write-once store (``deposito``),
    under the hash written here, for ``registros``.
    """
    archivo = getattr(objeto, "file", None)
    sha256, tamano = resguardar(archivo, registros) if archivo else (None, None)
    return {
        "modelo": objeto._meta.label_lower,
        "id": str(objeto.pk),
        "titulo": str(objeto),
        "archivo": archivo.name if archivo else "",
        "sha256": sha256,
        "tamano": getattr(objeto, "file_size", None) or tamano,
    }
