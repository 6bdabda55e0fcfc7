"""Coverage and reception of the publications, read as pages by label.

The coverage of a boletín is its mentions of type «nota informativa»; it is due
3 days after publication (CECyTE 000 §5.2.4). monitoreo imports no content app:
the boletín model comes from ``MONITOREO_BOLETIN`` and the deliveries from
``MONITOREO_ENVIOS`` with ``apps.get_model``.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import Page

from .clasificacion import modelos_de_publicacion
from .models import Mencion
from .models.menciones import NEGATIVO, NEUTRO, NOTA, POSITIVO, QUEJA

DIAS_PARA_COBERTURA = 3


def modelo_boletin():
    return apps.get_model(settings.MONITOREO_BOLETIN)


def boletines_con_cobertura():
    """Live boletines with their pick-ups counted and their due date."""
    return (
        Page.objects.live()
        .type(modelo_boletin())
        .annotate(
            recogidas=Count(
                "menciones_de_monitoreo",
                filter=Q(menciones_de_monitoreo__tipo=NOTA),
            )
        )
        .order_by("-first_published_at")
    )


def sin_cobertura(hoy=None, ventana=30):
    """Boletines published over 3 days ago (in the last ``ventana``) with none."""
    ahora = hoy or timezone.now()
    return boletines_con_cobertura().filter(
        first_published_at__lte=ahora - timedelta(days=DIAS_PARA_COBERTURA),
        first_published_at__gte=ahora - timedelta(days=ventana),
        recogidas=0,
    )


def recogidas_de(pagina):
    """A publication's pick-ups: which outlet, when, with what sentiment."""
    return (
        Mencion.objects.filter(publicacion=pagina, tipo=NOTA)
        .select_related("medio", "programa")
        .order_by("publicada_en")
    )


def recepcion():
    """Per publication: sentiment counts and the main complaint topic."""
    tema_principal = (
        Mencion.objects.filter(publicacion=OuterRef("pk"), tipo=QUEJA)
        .exclude(tema="")
        .values("tema")
        .annotate(n=Count("pk"))
        .order_by("-n", "tema")
        .values("tema")[:1]
    )
    conteo = "menciones_de_monitoreo"
    return (
        Page.objects.type(*modelos_de_publicacion())
        .annotate(
            menciones=Count(conteo),
            positivos=Count(
                conteo, filter=Q(menciones_de_monitoreo__sentimiento=POSITIVO)
            ),
            negativos=Count(
                conteo, filter=Q(menciones_de_monitoreo__sentimiento=NEGATIVO)
            ),
            neutros=Count(conteo, filter=Q(menciones_de_monitoreo__sentimiento=NEUTRO)),
            quejas=Count(conteo, filter=Q(menciones_de_monitoreo__tipo=QUEJA)),
            tema_de_quejas=Subquery(tema_principal),
        )
        .filter(menciones__gt=0)
        .select_related("content_type")
        .order_by("-negativos", "-menciones")
    )


def tasa_por_medio():
    """Per outlet: boletines sent to it and boletines it picked up.

    Deliveries name the outlet as text (the press contact's ``medio``); they are
    matched to the directory by name, without case.
    """
    envio = apps.get_model(settings.MONITOREO_ENVIOS)
    enviados = {}
    for medio, boletin in (
        envio.objects.filter(estado="enviado", distribucion__boletin__isnull=False)
        .exclude(medio="")
        .values_list("medio", "distribucion__boletin_id")
        .distinct()
    ):
        enviados.setdefault(medio.strip().lower(), (medio.strip(), set()))[1].add(
            boletin
        )
    recogidos = {}
    for medio, boletin in (
        Mencion.objects.filter(
            tipo=NOTA, publicacion__isnull=False, medio__isnull=False
        )
        .values_list("medio__nombre", "publicacion_id")
        .distinct()
    ):
        recogidos.setdefault(medio.strip().lower(), set()).add(boletin)
    filas = []
    for clave in sorted(set(enviados) | set(recogidos)):
        nombre, boletines = enviados.get(clave, (clave, set()))
        tomados = recogidos.get(clave, set())
        # Only what was sent counts as picked up from a delivery.
        recogidos_de_envio = len(tomados & boletines) if boletines else 0
        filas.append(
            {
                "medio": nombre if clave in enviados else clave,
                "enviados": len(boletines),
                "recogidos": recogidos_de_envio,
                "tasa": round(100 * recogidos_de_envio / len(boletines))
                if boletines
                else None,
            }
        )
    return filas
