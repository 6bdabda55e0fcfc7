"""The newsroom's indicator: boletines programmed against published (003, P02)."""

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from cms.indicadores import Indicador, contar_por_periodo, serie_de_conteos

from .models import BoletinPage, Folio
from .permissions import VER_INDICADORES


def con_fecha_programada(boletines=None):
    """Boletines annotated with ``programado``: the moment each was programmed for.

    Its go-live date if it has one, else its first submission for approval, else
    its first publication (a boletín published directly was programmed that day).
    All three are columns of the boletín's own row, so a year of 10,000 boletines
    is one scan with no look-up into the workflow table.
    """
    boletines = boletines if boletines is not None else BoletinPage.objects.all()
    return boletines.annotate(
        programado=Coalesce("go_live_at", "primer_envio", "first_published_at")
    )


class BoletinesProgramadosPublicados(Indicador):
    """P02: boletines programmed in the period against those that went live."""

    slug = "boletines"
    nombre = _("Boletines programados / publicados en la página web")
    manual = _("003 ISSSTESON, P02 (red de procesos)")
    definicion = _(
        "Programados: cada boletín una vez, en el mes de su fecha de publicación "
        "programada (embargo); sin ella, en el de su primer envío a aprobación; sin "
        "él, en el de su publicación. Publicados: boletines cuyo folio se asignó en "
        "el periodo, al salir en línea; uno aprobado en un mes que sale al siguiente "
        "cuenta en el segundo. Un retiro posterior no cambia la cifra."
    )
    etiqueta_realizados = _("Publicados")
    permiso = VER_INDICADORES
    orden = 20
    columnas = (
        ("title", _("Boletín")),
        ("programado", _("Programado para")),
        ("folio_texto", _("Folio")),
        ("publicado", _("Publicado (folio asignado)")),
    )

    def serie(self, periodos):
        programados = contar_por_periodo(con_fecha_programada(), "programado", periodos)
        publicados = contar_por_periodo(Folio.objects.all(), "asignado", periodos)
        return serie_de_conteos(programados, publicados, periodos)

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            con_fecha_programada()
            .annotate(publicado=F("folio__asignado"))
            .filter(
                Q(programado__gte=desde, programado__lt=hasta)
                | Q(folio__asignado__gte=desde, folio__asignado__lt=hasta)
            )
            .select_related("folio")
            .order_by("programado", "pk")
        )
