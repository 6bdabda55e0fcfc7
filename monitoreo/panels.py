"""Dashboard panels: what I watch today, overdue items, uncovered boletines."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from workflows.panels import PendientesDeRevisionPanel

from .cobertura import sin_cobertura
from .models import AsignacionMonitoreo, Mencion, Sintesis
from .models.menciones import COLUMNA, NOTA
from .permissions import RESPONDER_MENCION, VER_MENCION, VER_SINTESIS
from .seguimiento import areas_de
from .sintesis import es_dia_de_sintesis, faltantes, limite_de


class LoQueMonitoreoHoyPanel(Component):
    """The outlets and programmes assigned to the person for today's weekday."""

    name = "lo_que_monitoreo_hoy"
    template_name = "monitoreo/panels/hoy.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        hoy = timezone.localdate()
        return {
            "hoy": hoy,
            "asignaciones": list(AsignacionMonitoreo.de_hoy(self.request.user, hoy)),
        }


class VencidasPanel(Component):
    """Channelled items whose deadline came without an answer, in red."""

    name = "menciones_vencidas"
    template_name = "monitoreo/panels/vencidas.html"
    order = 95

    def __init__(self, request, menciones):
        self.request = request
        self.menciones = menciones

    def get_context_data(self, parent_context=None):
        hoy = timezone.localdate()
        vencidas = list(
            self.menciones.filter(estado=Mencion.CANALIZADA, vence__lte=hoy)
            .select_related("area")
            .order_by("vence")[:20]
        )
        return {
            "vencidas": vencidas,
            "hoy": hoy,
            "del_area": self.request.user.has_perm(RESPONDER_MENCION)
            and not self.request.user.has_perm(VER_MENCION),
        }


class SinCoberturaPanel(Component):
    """Boletines with no pick-up registered three days after publication."""

    name = "boletines_sin_cobertura"
    template_name = "monitoreo/panels/sin_cobertura.html"
    order = 96

    def get_context_data(self, parent_context=None):
        return {
            "boletines": list(
                sin_cobertura().only("pk", "title", "first_published_at")[:20]
            )
        }


class SintesisDelDiaPanel(Component):
    """Today's síntesis: the countdown to 9:30, what is missing, the candidates,
    and for the head its preview and approval (the office's queue lists pages)."""

    name = "sintesis_del_dia"
    template_name = "monitoreo/panels/sintesis.html"
    order = 85

    def __init__(self, request):
        self.request = request

    def acciones(self, sintesis):
        """The head's workflow actions on ``sintesis`` as the queue shows them."""
        estado = sintesis.current_workflow_task_state if sintesis else None
        if estado is None:
            return [], None
        tarea = estado.task.specific
        acciones = [
            (
                etiqueta,
                reverse(
                    "wagtailsnippets_monitoreo_sintesis:workflow_action",
                    args=(sintesis.pk, nombre, estado.pk),
                ),
                modal,
                nombre,
            )
            for nombre, etiqueta, modal in tarea.get_actions(
                sintesis, self.request.user
            )
        ]
        vista_previa = reverse(
            "wagtailsnippets_monitoreo_sintesis:workflow_preview",
            args=(sintesis.pk, tarea.pk),
        )
        return acciones, vista_previa

    def get_context_data(self, parent_context=None):
        ahora = timezone.localtime()
        hoy = ahora.date()
        limite = limite_de(hoy)
        sintesis = Sintesis.objects.filter(fecha=hoy).select_related("control").first()
        control = getattr(sintesis, "control", None) if sintesis else None
        recortadas = Mencion.objects.filter(recortes__isnull=False)
        candidatas = (
            Mencion.objects.filter(tipo__in=[NOTA, COLUMNA])
            .filter(publicada_en__date__gte=hoy - timedelta(days=1))
            .exclude(pk__in=recortadas.values("pk"))
            .select_related("medio")
            .order_by("-publicada_en")[:10]
        )
        acciones, vista_previa = self.acciones(sintesis)
        propia = bool(vista_previa) and not any(a[3] == "approve" for a in acciones)
        return {
            "acciones": acciones,
            "vista_previa": vista_previa,
            "propia": propia
            and self.request.user.has_perm("monitoreo.change_sintesis"),
            # The office's queue loads Wagtail's workflow script when it has rows;
            # loaded twice, each button would act twice.
            "con_script": bool(acciones)
            and not PendientesDeRevisionPanel(self.request).pendientes(),
            "hoy": hoy,
            "toca": es_dia_de_sintesis(hoy),
            "limite": limite,
            "restantes": max(int((limite - ahora).total_seconds()), 0),
            "sintesis": sintesis,
            "control": control,
            "faltantes": faltantes(hoy),
            "candidatas": list(candidatas),
        }


def paneles_para(request):
    """The panels the person's role sees."""
    usuario = request.user
    paneles = []
    if usuario.has_perm(VER_SINTESIS):
        paneles.append(SintesisDelDiaPanel(request))
    if usuario.has_perm(VER_MENCION):
        paneles.append(LoQueMonitoreoHoyPanel(request))
        paneles.append(VencidasPanel(request, Mencion.objects.all()))
        paneles.append(SinCoberturaPanel())
    elif usuario.has_perm(RESPONDER_MENCION):
        paneles.append(
            VencidasPanel(request, Mencion.objects.filter(area__in=areas_de(usuario)))
        )
    return paneles
