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


def modelo_publicacion_de_campana():
    return apps.get_model(settings.MONITOREO_PUBLICACION_DE_CAMPANA)


def _recepcion(objetos, campo):
    """``objetos`` with their mentions (``campo`` on Mencion) counted by sentiment,
    their complaints and the main complaint topic; only those mentioned."""
    tema_principal = (
        Mencion.objects.filter(**{campo: OuterRef("pk")}, tipo=QUEJA)
        .exclude(tema="")
        .values("tema")
        .annotate(n=Count("pk"))
        .order_by("-n", "tema")
        .values("tema")[:1]
    )
    conteo = "menciones_de_monitoreo"

    def contar(**filtro):
        return Count(
            conteo,
            filter=Q(**{f"{conteo}__{k}": v for k, v in filtro.items()}),
        )

    return (
        objetos.annotate(
            menciones=Count(conteo),
            positivos=contar(sentimiento=POSITIVO),
            negativos=contar(sentimiento=NEGATIVO),
            neutros=contar(sentimiento=NEUTRO),
            quejas=contar(tipo=QUEJA),
            tema_de_quejas=Subquery(tema_principal),
        )
        .filter(menciones__gt=0)
        .order_by("-negativos", "-menciones")
    )


def recepcion():
    """Per publication: sentiment counts and the main complaint topic."""
    paginas = Page.objects.type(*modelos_de_publicacion()).select_related(
        "content_type"
    )
    return _recepcion(paginas, "publicacion")


def recepcion_de_publicaciones_de_campana():
    """Per programmed campaign post: the same counts (León 002 §4.4)."""
    publicaciones = modelo_publicacion_de_campana().objects.select_related("page")
    return _recepcion(publicaciones, "publicacion_de_campana")


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
