"""Where mentions from the networks come from: one connector class per network.

No network API is called here (the machines have no internet, and each network
asks for its own app review). A connector returns the recent comments of the
institution's accounts as plain dictionaries; :func:`recibir` turns them into
mentions with the same rules and duplicate checks as the RSS intake. A real
connector (say, the Facebook Graph API) is a subclass whose ``comentarios``
calls the network; list it in the ``MONITOREO_CONECTORES`` setting::

    MONITOREO_CONECTORES = {"facebook": "mi_paquete.conectores.GraphAPI"}

Without one, a network's comments come in by CSV export (``importacion.py``).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.module_loading import import_string

from .clasificacion import clasificar_nueva
from .models import Mencion
from .models.menciones import CONECTOR, huella_de, normalizar_url


class Conector:
    """Reads one network's recent comments on the institution's accounts."""

    red = ""

    def comentarios(self, desde):
        """Dicts with ``publicada_en``, ``texto``, ``autor``, ``url``, ``cuenta``."""
        raise NotImplementedError


def conectores():
    """The configured connectors, by network."""
    return {
        red: import_string(ruta)()
        for red, ruta in getattr(settings, "MONITOREO_CONECTORES", {}).items()
    }


@transaction.atomic
def recibir(conector, desde, medio=None):
    """Save the connector's new comments as mentions; returns how many."""
    nuevas = 0
    for datos in conector.comentarios(desde):
        url_normalizada = normalizar_url(datos.get("url", ""))
        huella = huella_de(datos["texto"])
        repetida = Q(huella=huella)
        if url_normalizada:
            repetida |= Q(url_normalizada=url_normalizada)
        if Mencion.objects.filter(repetida).exists():
            continue
        mencion = Mencion(
            medio=medio,
            origen=CONECTOR,
            publicada_en=datos["publicada_en"],
            texto=datos["texto"],
            autor=datos.get("autor", "")[:255],
            url=datos.get("url", "")[:1000],
            cuenta=datos.get("cuenta", "")[:255] or conector.red,
        )
        clasificar_nueva(mencion)
        mencion.save()
        nuevas += 1
    return nuevas
