"""The archivist's dashboard: records near their deadline and pending dispositions."""

from django.db.models import Count
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import Disposicion, Registro

DIAS_POR_VENCER = 90


class ArchivoPanel(Component):
    """What the archive must act on: stages ending soon, records past their
    retention without a disposition, and acts awaiting approval or execution."""

    name = "archivo_pendientes"
    template_name = "archivo/panels/pendientes.html"
    order = 30

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        hoy = timezone.localdate()
        por_vencer = Registro.objects.por_vencer(DIAS_POR_VENCER, hoy)
        vencidos = Registro.objects.filter(
            disposicion="", reserva=False, fin_concentracion__lte=hoy
        )
        return {
            "dias": DIAS_POR_VENCER,
            "hoy": hoy,
            "por_vencer": list(
                por_vencer.select_related("serie").order_by(
                    "fin_tramite", "fin_concentracion"
                )[:10]
            ),
            "total_por_vencer": por_vencer.count(),
            "total_vencidos": vencidos.count(),
            "disposiciones": list(
                Disposicion.objects.filter(
                    estado__in=[Disposicion.PROPUESTA, Disposicion.APROBADA]
                )
                .annotate(cuantos=Count("registros"))
                .order_by("propuesta_en")[:10]
            ),
        }
