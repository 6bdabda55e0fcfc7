"""The video programme's indicator: videos programmed against produced (003, P01)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.indicadores import Indicador, contar_por_periodo, serie_de_conteos

from .models import ProgramaVideo
from .permissions import VER_PROGRAMA


class VideosProgramadosProducidos(Indicador):
    """P01: videos due in the period against videos whose finals were made."""

    slug = "videos"
    nombre = _("Videos programados / producidos y elaborados")
    manual = _("003 ISSSTESON, P01 (red de procesos)")
    definicion = _(
        "Programados: videos del programa con fecha de entrega en el periodo, "
        "planeados o extemporáneos. Producidos: videos cuyos finales se hicieron en "
        "el periodo (paso a «Producido»), aunque se hayan programado antes."
    )
    etiqueta_realizados = _("Producidos")
    permiso = VER_PROGRAMA
    orden = 10
    columnas = (
        ("tema", _("Tema")),
        ("get_tipo_display", _("Tipo")),
        ("productor", _("Productor")),
        ("fecha_compromiso", _("Fecha de entrega")),
        ("get_estado_display", _("Estado")),
        ("producido_en", _("Producido")),
    )

    def serie(self, periodos):
        programa = ProgramaVideo.objects.all()
        return serie_de_conteos(
            contar_por_periodo(programa, "fecha_compromiso", periodos),
            contar_por_periodo(programa, "producido_en", periodos),
            periodos,
        )

    def filas(self, periodo):
        desde, hasta = periodo.rango()
        return (
            ProgramaVideo.objects.filter(
                Q(
                    fecha_compromiso__gte=periodo.inicio,
                    fecha_compromiso__lt=periodo.fin,
                )
                | Q(producido_en__gte=desde, producido_en__lt=hasta)
            )
            .select_related("productor")
            .order_by("fecha_compromiso", "pk")
        )


INDICADORES = (VideosProgramadosProducidos,)
