"""Where a due post gets published: one connector class per network.

No network API is called here (the machines have no internet and the office
publishes by hand). A connector takes a programmed post and returns the URL
where it was published; :class:`RegistroManual`, the only one shipped, records
the URL a person pasted after publishing by hand. A real connector (say, the
Facebook Graph API) is a subclass whose ``publicar`` calls the network and
returns the new post's URL; list it in the ``CAMPANAS_CONECTORES`` setting::

    CAMPANAS_CONECTORES = {"facebook": "mi_paquete.conectores.GraphAPI"}

The models do not change: the evidence is recorded the same way.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.models import Site

from archivo.publicacion import registrar_accion, registrar_publicacion

from .models import Evidencia
from .models.paginas import FACEBOOK, INSTAGRAM, SITIO, X

DOMINIOS = {
    FACEBOOK: ("facebook.com", "fb.com", "fb.watch"),
    X: ("x.com", "twitter.com"),
    INSTAGRAM: ("instagram.com",),
}


class Conector:
    """Publishes one programmed post on its network and returns its URL."""

    def publicar(self, publicacion, usuario, **datos):
        raise NotImplementedError

    @transaction.atomic
    def registrar(self, publicacion, usuario, url, publicada_en=None, captura=None):
        """Record the evidence of ``publicacion``; it becomes part of the record."""
        evidencia = Evidencia.objects.create(
            publicacion=publicacion,
            campana_id=publicacion.page_id,
            red=publicacion.red,
            programada_para=publicacion.fecha,
            texto=publicacion.texto,
            url=url,
            publicada_en=publicada_en or timezone.now(),
            registrada_por=usuario,
            captura=captura,
        )
        # The evidence is a record of its own (its snapshot keeps the screenshot's
        # SHA-256), and the campaign's record notes it.
        registrar_publicacion(evidencia, usuario=usuario)
        registrar_accion(
            evidencia.campana,
            _("Evidencia en %(red)s: %(url)s")
            % {"red": evidencia.get_red_display(), "url": url},
            usuario,
        )
        return evidencia


class RegistroManual(Conector):
    """Someone published by hand and pastes the post's URL here."""

    def publicar(self, publicacion, usuario, url="", publicada_en=None, captura=None):
        validar_url(publicacion.red, url)
        return self.registrar(publicacion, usuario, url, publicada_en, captura).url


def dominios_propios():
    """The institution's own hosts: every Wagtail site's, and ``CAMPANAS_DOMINIOS``."""
    hosts = {
        *Site.objects.values_list("hostname", flat=True),
        *settings.CAMPANAS_DOMINIOS,
    }
    return tuple(sorted(h.lower() for h in hosts if h and h != "*"))


def _en(anfitrion, dominios):
    return any(anfitrion == d or anfitrion.endswith(f".{d}") for d in dominios)


def validar_url(red, url):
    """The URL must be on the post's network; a website post, on the institution's.

    The website's evidence is shown on the public campaign page, so an outside
    address there would be a link the institution never published.
    """
    anfitrion = (urlsplit(url).hostname or "").lower()
    if red == SITIO:
        propios = dominios_propios()
        if not _en(anfitrion, propios):
            raise ValidationError(
                _(
                    "La dirección no es de un sitio de la institución (%(dominios)s): "
                    "pega el enlace de la página publicada."
                )
                % {"dominios": ", ".join(propios)}
            )
        return
    dominios = DOMINIOS.get(red)
    if dominios and not _en(anfitrion, dominios):
        raise ValidationError(
            _("La dirección no es de %(red)s: pega el enlace de la publicación.")
            % {"red": dict(DOMINIOS_NOMBRES).get(red, red)}
        )


DOMINIOS_NOMBRES = [(FACEBOOK, "Facebook"), (X, "X"), (INSTAGRAM, "Instagram")]


def conector_para(red):
    ruta = getattr(settings, "CAMPANAS_CONECTORES", {}).get(red)
    return import_string(ruta)() if ruta else RegistroManual()
