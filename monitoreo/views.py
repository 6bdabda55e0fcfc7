"""Admin views of the desk beyond Wagtail's generic ones: follow-up, área, rules."""

import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from home.models import InstitucionSettings

from . import importacion, seguimiento
from . import reporte as reporte_diario
from .clasificacion import aplicar_a_existentes
from .formularios import (
    CanalizarForm,
    FechaForm,
    ImportarForm,
    InformarForm,
    MotivoForm,
    RangoForm,
    TextoForm,
)
from .models import DestinatarioReporte, FormatoImportacion, Mencion, ReporteMonitoreo
from .pdf import reporte_pdf
from .permissions import (
    CAMBIAR_MENCION,
    CANALIZAR_MENCION,
    ENVIAR_REPORTE,
    GENERAR_REPORTE,
    IMPORTAR_MENCIONES,
    RESPONDER_MENCION,
    VER_MENCION,
    VER_REPORTE,
)
from .tasks import enviar_reporte


def _exigir(usuario, permiso):
    if not usuario.has_perm(permiso):
        raise PermissionDenied


ACCIONES = {
    # action: (permission, form, function(mencion, user, **cleaned_data), message)
    "canalizar": (
        CANALIZAR_MENCION,
        CanalizarForm,
        lambda m, u, area: seguimiento.canalizar(m, u, area),
        gettext_lazy("Canalizada al área; vence el %(vence)s."),
    ),
    "informar": (
        CAMBIAR_MENCION,
        InformarForm,
        lambda m, u, texto, cuando: seguimiento.informar_y_cerrar(m, u, texto, cuando),
        gettext_lazy("Ciudadano informado; mención cerrada."),
    ),
    "sin_respuesta": (
        CAMBIAR_MENCION,
        MotivoForm,
        lambda m, u, motivo: seguimiento.sin_respuesta(m, u, motivo),
        gettext_lazy("Mención cerrada sin respuesta."),
    ),
    "cerrar": (
        CAMBIAR_MENCION,
        None,
        lambda m, u: seguimiento.cerrar(m, u),
        gettext_lazy("Mención cerrada."),
    ),
    "asignarme": (
        CAMBIAR_MENCION,
        None,
        lambda m, u: Mencion.objects.filter(pk=m.pk).update(asignada_a=u),
        gettext_lazy("La mención quedó a tu cargo."),
    ),
    "confirmar_sugerencia": (
        CAMBIAR_MENCION,
        None,
        lambda m, u: Mencion.objects.filter(pk=m.pk).update(
            publicacion_id=m.publicacion_sugerida_id
        ),
        gettext_lazy("Publicación confirmada."),
    ),
}


@require_http_methods(["GET", "POST"])
def seguimiento_view(request, pk):
    """A mention's follow-up: its data, its deadline and the next step's form."""
    _exigir(request.user, VER_MENCION)
    mencion = get_object_or_404(
        Mencion.objects.para_bandeja().select_related(
            "publicacion", "publicacion_sugerida", "respondida_por"
        ),
        pk=pk,
    )
    formularios = {
        "canalizar": CanalizarForm(initial={"area": mencion.area_id}),
        "informar": InformarForm(),
        "sin_respuesta": MotivoForm(),
    }
    if request.method == "POST":
        nombre = request.POST.get("accion", "")
        if nombre not in ACCIONES:
            messages.error(request, _("Acción desconocida."))
            return redirect(request.path)
        permiso, form_class, funcion, exito = ACCIONES[nombre]
        _exigir(request.user, permiso)
        datos = {}
        if form_class is not None:
            form = form_class(request.POST)
            formularios[nombre] = form
            if form.is_valid():
                datos = form.cleaned_data
            else:
                form = None
        else:
            form = True
        if form is not None:
            try:
                funcion(mencion, request.user, **datos)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                mencion.refresh_from_db()
                vence = mencion.vence.strftime("%d/%m/%Y") if mencion.vence else ""
                messages.success(request, str(exito) % {"vence": vence})
                return redirect(request.path)
    return TemplateResponse(
        request,
        "monitoreo/seguimiento.html",
        {
            "mencion": mencion,
            "formularios": formularios,
            "hoy": timezone.localdate(),
            "vencida": mencion.vencida(timezone.localdate()),
            "entrevistas": mencion.entrevistas.select_related("medio"),
            "edit_url_name": Mencion.snippet_viewset.get_url_name("edit"),
            "index_url_name": Mencion.snippet_viewset.get_url_name("list"),
        },
    )


def _de_mis_areas(usuario):
    """What was channelled to the áreas ``usuario`` answers for, and only that."""
    return Mencion.objects.filter(
        area__in=seguimiento.areas_de(usuario),
        canalizada_en__isnull=False,
    ).select_related("area", "medio")


def asuntos_area_view(request):
    """The área's list: what was channelled to it, overdue first."""
    _exigir(request.user, RESPONDER_MENCION)
    hoy = timezone.localdate()
    asuntos = list(_de_mis_areas(request.user).order_by("estado", "vence", "-pk"))
    return TemplateResponse(
        request,
        "monitoreo/asuntos_area.html",
        {"asuntos": asuntos, "hoy": hoy},
    )


@require_http_methods(["GET", "POST"])
def responder_view(request, pk):
    """The área answers one channelled item; another área's item does not exist."""
    _exigir(request.user, RESPONDER_MENCION)
    mencion = get_object_or_404(_de_mis_areas(request.user), pk=pk)
    form = TextoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            seguimiento.responder(mencion, request.user, form.cleaned_data["texto"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Respuesta registrada. Gracias."))
            return redirect("asuntos_area:index")
    return TemplateResponse(
        request,
        "monitoreo/responder.html",
        {
            "mencion": mencion,
            "form": form,
            "vencida": mencion.vencida(timezone.localdate()),
        },
    )


@require_http_methods(["GET", "POST"])
def aplicar_reglas_view(request):
    """Re-run the rules on a date range; says how many mentions changed."""
    _exigir(request.user, CAMBIAR_MENCION)
    form = RangoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cambiadas = aplicar_a_existentes(
            form.cleaned_data["desde"], form.cleaned_data["hasta"]
        )
        messages.success(
            request,
            _("Reglas aplicadas: %(n)s menciones cambiaron de clasificación.")
            % {"n": cambiadas},
        )
        return redirect(request.path)
    return TemplateResponse(request, "monitoreo/aplicar_reglas.html", {"form": form})


SESION_IMPORTACION = "monitoreo_importacion"


@require_http_methods(["GET", "POST"])
def importar_csv_view(request):
    """CSV import in two steps: check and preview, then save everything at once."""
    _exigir(request.user, IMPORTAR_MENCIONES)
    form = ImportarForm(request.POST or None, request.FILES or None)
    contexto = {"form": form}
    if request.method == "POST" and request.POST.get("accion") == "importar":
        pendiente = request.session.get(SESION_IMPORTACION)
        formato = FormatoImportacion.objects.filter(
            pk=(pendiente or {}).get("formato")
        ).first()
        if not pendiente or formato is None:
            messages.error(request, _("Vuelve a subir el archivo."))
            return redirect(request.path)
        lectura = importacion.leer(formato, base64.b64decode(pendiente["contenido"]))
        if not lectura.valida:
            messages.error(request, _("El archivo ya no es válido; súbelo de nuevo."))
            return redirect(request.path)
        creadas, repetidas = importacion.importar(lectura, request.user)
        del request.session[SESION_IMPORTACION]
        messages.success(
            request,
            _("Se importaron %(n)s menciones; %(r)s repetidas se omitieron.")
            % {"n": creadas, "r": repetidas},
        )
        return redirect(Mencion.snippet_viewset.get_url_name("list"))
    if request.method == "POST" and form.is_valid():
        contenido = form.cleaned_data["archivo"].read()
        formato = form.cleaned_data["formato"]
        lectura = importacion.leer(formato, contenido)
        contexto["lectura"] = lectura
        if lectura.valida:
            request.session[SESION_IMPORTACION] = {
                "formato": formato.pk,
                "contenido": base64.b64encode(contenido).decode(),
            }
            contexto["vista_previa"] = lectura.filas[:20]
    return TemplateResponse(request, "monitoreo/importar.html", contexto)


@require_http_methods(["GET", "POST"])
def generar_reporte_view(request):
    """Generate (or reopen) the report of a date, then review it."""
    _exigir(request.user, GENERAR_REPORTE)
    form = FechaForm(request.POST or None, initial={"fecha": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        reporte = reporte_diario.generar(form.cleaned_data["fecha"], request.user)
        return redirect(
            ReporteMonitoreo.snippet_viewset.get_url_name("revisar"), reporte.pk
        )
    return TemplateResponse(request, "monitoreo/generar_reporte.html", {"form": form})


@require_http_methods(["GET", "POST"])
def revisar_reporte_view(request, pk):
    """The head reviews the day's report, adds remarks, and sends it (confirmed)."""
    _exigir(request.user, VER_REPORTE)
    reporte = get_object_or_404(ReporteMonitoreo, pk=pk)
    destinatarios = list(DestinatarioReporte.objects.filter(activo=True))
    accion = request.POST.get("accion") or request.GET.get("accion")
    if request.method == "POST" and accion == "guardar":
        _exigir(request.user, GENERAR_REPORTE)
        reporte.observaciones = request.POST.get("observaciones", "").strip()
        reporte.save(update_fields=["observaciones"])
        messages.success(request, _("Observaciones guardadas."))
        return redirect(request.path)
    if accion == "enviar":
        _exigir(request.user, ENVIAR_REPORTE)
        error = None
        if reporte.enviado_en:
            error = _("Este reporte ya se envió el %(f)s.") % {
                "f": timezone.localtime(reporte.enviado_en).strftime("%d/%m/%Y %H:%M")
            }
        elif not destinatarios:
            error = _("No hay destinatarios activos del reporte diario.")
        if error:
            messages.error(request, error)
            return redirect(request.path)
        if request.method == "POST":
            enviar_reporte.enqueue(reporte.pk, request.user.pk)
            messages.success(
                request,
                _("Reporte enviado a %(n)s destinatarios.") % {"n": len(destinatarios)},
            )
            return redirect(request.path)
        return TemplateResponse(
            request,
            "monitoreo/confirmar_envio.html",
            {"reporte": reporte, "destinatarios": destinatarios},
        )
    return TemplateResponse(
        request,
        "monitoreo/revisar_reporte.html",
        {
            "reporte": reporte,
            "datos": reporte_diario.datos_del_dia(reporte.fecha),
            "destinatarios": destinatarios,
            "puede_enviar": request.user.has_perm(ENVIAR_REPORTE),
        },
    )


def pdf_reporte_view(request, pk):
    """The report's PDF: the one sent, or a preview before sending."""
    _exigir(request.user, VER_REPORTE)
    reporte = get_object_or_404(ReporteMonitoreo, pk=pk)
    if reporte.pdf:
        contenido = reporte.pdf.read()
    else:
        institucion = InstitucionSettings.for_request(request)
        contenido = reporte_pdf(
            reporte, reporte_diario.datos_del_dia(reporte.fecha), institucion
        )
    respuesta = HttpResponse(contenido, content_type="application/pdf")
    respuesta["Content-Disposition"] = (
        f'inline; filename="reporte-monitoreo-{reporte.fecha:%Y-%m-%d}.pdf"'
    )
    return respuesta
