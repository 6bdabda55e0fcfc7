"""Admin views of the campaigns: calendar, ICS feed, evidence, monthly programme,
and the quarterly campus-compliance report."""

import calendar as calendario_std
import datetime
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from cms.consulta import entero
from home.models import PlantelPage
from home.templatetags.institucion_tags import fecha_larga

from . import calendario
from .conectores import conector_para
from .models import (
    CampanaPage,
    Instruccion,
    PublicacionProgramada,
    ReporteCumplimiento,
    TokenCalendario,
)
from .models.paginas import REDES
from .models.programacion import hora_local

VER_CALENDARIO = "campanas.ver_calendario"
REGISTRAR_EVIDENCIA = "campanas.add_evidencia"
VER_CUMPLIMIENTO = "campanas.view_reportecumplimiento"


def _exigir(request, permiso):
    if not request.user.has_perm(permiso):
        raise PermissionDenied


def calendario_view(request):
    """A month of programmed posts across campaigns, coloured per network."""
    _exigir(request, VER_CALENDARIO)
    hoy = timezone.localdate()
    try:
        anio, numero = map(int, request.GET.get("mes", "").split("-"))
        primero = datetime.date(anio, numero, 1)
    except ValueError:
        primero = hoy.replace(day=1)
    anterior = (primero - datetime.timedelta(days=1)).replace(day=1)
    siguiente = (primero + datetime.timedelta(days=32)).replace(day=1)
    token = TokenCalendario.de(request.user)
    return TemplateResponse(
        request,
        "campanas/admin/calendario.html",
        {
            "semanas": calendario.mes(primero.year, primero.month),
            "primero": primero,
            "titulo_mes": fecha_larga(primero).split(" de ", 1)[1],
            "anterior": anterior,
            "siguiente": siguiente,
            "hoy": hoy,
            "redes": REDES,
            "ics": request.build_absolute_uri(
                reverse("calendario_ics", args=(token.token,))
            ),
        },
    )


@require_POST
def regenerar_token_view(request):
    _exigir(request, VER_CALENDARIO)
    TokenCalendario.de(request.user, nuevo=True)
    messages.success(
        request, _("Nueva dirección del calendario: la anterior ya no funciona.")
    )
    return redirect("calendario_campanas:index")


def ics_view(request, token):
    """The programmed posts as iCalendar, for an office calendar to subscribe to."""
    registro = TokenCalendario.objects.filter(token=token).select_related("usuario")
    registro = registro.first()
    if (
        registro is None
        or not registro.usuario.is_active
        or not registro.usuario.has_perm(VER_CALENDARIO)
    ):
        raise Http404
    hoy = timezone.localdate()
    cal = Calendar()
    cal.add("prodid", "-//Comunicación Social//Calendario de campañas//ES")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Publicaciones de campañas")
    cal.add("x-wr-timezone", "America/Mexico_City")
    posts = calendario.publicaciones(
        hoy - datetime.timedelta(days=60), hoy + datetime.timedelta(days=366)
    )
    for post in posts:
        evento = Event()
        evento.add("uid", f"publicacion-{post.pk}@{request.get_host()}")
        evento.add("summary", f"[{post.get_red_display()}] {post.page.title}")
        evento.add("dtstart", post.fecha)
        evento.add("dtend", post.fecha + datetime.timedelta(minutes=15))
        evento.add("dtstamp", timezone.now())
        descripcion = post.texto
        if post.enlace:
            descripcion += f"\n{post.enlace}"
        evento.add("description", descripcion)
        evento.add(
            "status",
            "CONFIRMED" if post.estado_actual != post.VENCIDA else "TENTATIVE",
        )
        if post.evidencia_registrada:
            evento.add("url", post.evidencia_registrada.url)
        cal.add_component(evento)
    respuesta = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    respuesta["Content-Disposition"] = 'inline; filename="campanas.ics"'
    respuesta["Cache-Control"] = "private, no-store"
    return respuesta


class EvidenciaForm(forms.Form):
    url = forms.URLField(
        label=_("Dirección de la publicación"), max_length=500, assume_scheme="https"
    )
    publicada_en = forms.DateTimeField(
        label=_("Publicada el"),
        required=False,
        help_text=_("Hora de la Ciudad de México; vacío: ahora."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    captura = WagtailImageField(label=_("Captura de pantalla"), required=False)


def marcar_publicada_view(request, pk):
    """Record that a programmed post went out: its URL, time, who, a screenshot."""
    _exigir(request, REGISTRAR_EVIDENCIA)
    post = get_object_or_404(
        PublicacionProgramada.objects.select_related("page"), pk=pk
    )
    if hasattr(post, "evidencia"):
        messages.info(request, _("Esta publicación ya tiene su evidencia."))
        return redirect("calendario_campanas:index")
    form = EvidenciaForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        datos = form.cleaned_data
        try:
            with transaction.atomic():
                captura = None
                if datos["captura"]:
                    captura = get_image_model()(
                        title=f"Captura: {post.page.title} ({post})",
                        description=_("Captura de la publicación en %(red)s")
                        % {"red": post.get_red_display()},
                        uploaded_by_user=request.user,
                        file=datos["captura"],
                    )
                    captura.save()
                conector_para(post.red).publicar(
                    post,
                    request.user,
                    url=datos["url"],
                    publicada_en=datos["publicada_en"],
                    captura=captura,
                )
        except ValidationError as error:
            form.add_error("url", error)
        else:
            messages.success(
                request,
                _("Registrada la publicación en %(red)s.")
                % {"red": post.get_red_display()},
            )
            mes = timezone.localtime(post.fecha).strftime("%Y-%m")
            return redirect(f"{reverse('calendario_campanas:index')}?mes={mes}")
    return TemplateResponse(
        request, "campanas/admin/marcar_publicada.html", {"post": post, "form": form}
    )


class ProgramaMensualForm(forms.Form):
    mes = forms.ChoiceField(label=_("Mes"))
    temas = forms.CharField(
        label=_("Temas"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Un tema por renglón; se reparten un día tras otro."),
    )
    redes = forms.MultipleChoiceField(
        label=_("Redes"), choices=REDES, widget=forms.CheckboxSelectMultiple
    )
    hora = forms.TimeField(label=_("Hora"), initial=datetime.time(10, 0))
    fines_de_semana = forms.BooleanField(
        label=_("Incluir sábados y domingos"), required=False
    )

    def __init__(self, campana, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meses, dia = [], campana.inicio.replace(day=1)
        while dia <= campana.fin:
            meses.append((dia.strftime("%Y-%m"), fecha_larga(dia).split(" de ", 1)[1]))
            dia = (dia + datetime.timedelta(days=32)).replace(day=1)
        self.fields["mes"].choices = meses
        self.fields["redes"].choices = campana.redes
        self.fields["redes"].initial = [red for red, _ in campana.redes]


def proponer_programa(campana, mes, temas, redes, hora, fines_de_semana):
    """One post per day of ``mes`` inside the period, per network, cycling topics."""
    anio, numero = map(int, mes.split("-"))
    dias = [
        datetime.date(anio, numero, d)
        for d in range(1, calendario_std.monthrange(anio, numero)[1] + 1)
    ]
    dias = [
        d
        for d in dias
        if campana.inicio <= d <= campana.fin and (fines_de_semana or d.weekday() < 5)
    ]
    return [
        PublicacionProgramada(
            fecha=hora_local(dia, hora), red=red, texto=temas[i % len(temas)]
        )
        for i, dia in enumerate(dias)
        for red in redes
    ]


def programa_mensual_view(request, page_id):
    """Propose a month of daily posts as a new draft the editor then edits."""
    campana = get_object_or_404(CampanaPage, pk=page_id)
    if not campana.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    borrador = campana.get_latest_revision_as_object()
    form = ProgramaMensualForm(borrador, request.POST or None)
    if request.method == "POST" and form.is_valid():
        datos = form.cleaned_data
        temas = [t.strip() for t in datos["temas"].splitlines() if t.strip()]
        nuevas = proponer_programa(
            borrador,
            datos["mes"],
            temas,
            datos["redes"],
            datos["hora"],
            datos["fines_de_semana"],
        )
        if not nuevas:
            form.add_error("mes", _("Ese mes no tiene días dentro del periodo."))
        else:
            borrador.publicaciones.add(*nuevas)
            borrador.save_revision(user=request.user, log_action=True)
            messages.success(
                request,
                _(
                    "Se propusieron %(n)s publicaciones en un borrador: revísalas, "
                    "edítalas y envía la campaña a autorización."
                )
                % {"n": len(nuevas)},
            )
            return redirect("wagtailadmin_pages:edit", campana.pk)
    return TemplateResponse(
        request,
        "campanas/admin/programa_mensual.html",
        {"campana": campana, "form": form},
    )


def trimestre_de(fecha):
    return (fecha.month - 1) // 3 + 1


def cumplimiento(anio, trimestre):
    """Per campus: instructions given in the quarter vs instructions with evidence."""
    desde = datetime.date(anio, 3 * (trimestre - 1) + 1, 1)
    hasta = (desde + datetime.timedelta(days=93)).replace(day=1)
    instrucciones = Instruccion.objects.filter(fecha__gte=desde, fecha__lt=hasta)
    dadas = {}
    for plantel_id, instruccion_id in instrucciones.values_list("planteles", "pk"):
        if plantel_id:
            dadas.setdefault(plantel_id, set()).add(instruccion_id)
    reportes = ReporteCumplimiento.objects.filter(fecha__gte=desde, fecha__lt=hasta)
    atendidas, filados = {}, {}
    for plantel_id, instruccion_id in reportes.values_list("plantel", "instruccion"):
        filados[plantel_id] = filados.get(plantel_id, 0) + 1
        if instruccion_id in dadas.get(plantel_id, ()):
            atendidas.setdefault(plantel_id, set()).add(instruccion_id)
    filas = []
    for plantel in PlantelPage.objects.order_by("title"):
        n_dadas = len(dadas.get(plantel.pk, ()))
        n_atendidas = len(atendidas.get(plantel.pk, ()))
        filas.append(
            SimpleNamespace(
                plantel=plantel.title,
                instrucciones=n_dadas,
                atendidas=n_atendidas,
                reportes=filados.get(plantel.pk, 0),
                porcentaje=round(100 * n_atendidas / n_dadas) if n_dadas else None,
                cumplimiento=(
                    f"{round(100 * n_atendidas / n_dadas)} %" if n_dadas else "—"
                ),
            )
        )
    return filas


class CumplimientoView(ReportView):
    """Quarterly compliance per campus, with a bar chart and CSV/XLSX export."""

    page_title = _("Cumplimiento de planteles")
    header_icon = "tasks"
    template_name = "campanas/admin/cumplimiento.html"
    paginate_by = 100
    columns = [
        Column("plantel", label=_("Plantel")),
        Column("instrucciones", label=_("Instrucciones")),
        Column("atendidas", label=_("Atendidas con evidencia")),
        Column("reportes", label=_("Reportes")),
        Column("cumplimiento", label=_("Cumplimiento")),
    ]
    list_export = ["plantel", "instrucciones", "atendidas", "reportes", "cumplimiento"]
    export_headings = {
        "plantel": _("Plantel"),
        "instrucciones": _("Instrucciones"),
        "atendidas": _("Atendidas con evidencia"),
        "reportes": _("Reportes"),
        "cumplimiento": _("Cumplimiento"),
    }

    def dispatch(self, request, *args, **kwargs):
        hoy = timezone.localdate()
        actual = {"anio": hoy.year, "trimestre": trimestre_de(hoy)}
        pedido = {**actual, **request.GET.dict()}
        self.anio = entero(pedido, "anio", minimo=2000, maximo=2999)
        self.trimestre = entero(pedido, "trimestre", minimo=1, maximo=4)
        # A bad year or quarter shows the current quarter, not half of each.
        if self.anio is None or self.trimestre is None:
            self.anio, self.trimestre = actual["anio"], actual["trimestre"]
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return cumplimiento(self.anio, self.trimestre)

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto.update(
            anio=self.anio,
            trimestre=self.trimestre,
            anios=range(timezone.localdate().year, 2019, -1),
            grafica=self.object_list,
            alto_grafica=32 * len(self.object_list),
        )
        return contexto

    def get_filename(self):
        return f"cumplimiento-planteles-{self.anio}-T{self.trimestre}"
