"""The posts calendar in the admin, its ICS feed and the evidence form."""

import datetime

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
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from home.templatetags.institucion_tags import fecha_larga

from .. import calendario
from ..conectores import conector_para
from ..models import PublicacionProgramada, TokenCalendario
from ..models.paginas import REDES
from ..permissions import REGISTRAR_EVIDENCIA, VER_CALENDARIO


def _exigir(request, permiso):
    """Refuse the request unless the user holds ``permiso``."""
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
            "tiene_direccion": TokenCalendario.objects.filter(
                usuario=request.user
            ).exists(),
        },
    )


@require_POST
def regenerar_token_view(request):
    """A new secret ICS address, shown this once; the old one stops working.

    Only its hash is stored, so the page that answers this POST is the only place
    the address is ever shown.
    """
    _exigir(request, VER_CALENDARIO)
    secreto = TokenCalendario.nuevo(request.user)
    direccion = reverse("campanas:calendario_ics", args=(secreto,))
    return TemplateResponse(
        request,
        "campanas/admin/direccion_ics.html",
        {"ics": request.build_absolute_uri(direccion)},
    )


def ics_view(request, token):
    """The programmed posts as iCalendar, for an office calendar to subscribe to."""
    registro = TokenCalendario.de_secreto(token)
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
