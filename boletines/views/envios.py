"""The deliveries to the media in the admin, and their retry."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from cms.administracion.columnas import ReintentarColumn

from ..models import Distribucion, Envio
from ..permissions import REINTENTAR_ENVIO
from ..tasks import reintentar_ahora


class EnviosFilterSet(WagtailFilterSet):
    """Filter the deliveries by state and by kind of round."""

    estado = django_filters.ChoiceFilter(label=_("Estado"), choices=Envio.ESTADOS)
    tipo = django_filters.ChoiceFilter(
        label=_("Tipo"), field_name="distribucion__tipo", choices=Distribucion.TIPOS
    )

    class Meta:
        model = Envio
        fields = ["estado", "tipo"]


class EnviosView(ReportView):
    """Every delivery with its state and last error; failures until they are sent."""

    page_title = _("Envíos a medios")
    header_icon = "mail"
    filterset_class = EnviosFilterSet
    columns = [
        Column("distribucion.asunto", label=_("Asunto")),
        Column("nombre", label=_("Destinatario")),
        Column("medio", label=_("Medio")),
        Column("correo", label=_("Correo")),
        Column("get_estado_display", label=_("Estado")),
        Column("intentos", label=_("Intentos")),
        Column("ultimo_error", label=_("Último error")),
        DateColumn("enviado_en", label=_("Enviado")),
        DateColumn("proximo_intento", label=_("Próximo intento")),
        ReintentarColumn(
            "acciones",
            label="",
            url_name="envios_boletines:reintentar",
            permiso=REINTENTAR_ENVIO,
            estados=(Envio.FALLIDO, Envio.REINTENTANDO),
        ),
    ]
    list_export = [
        "distribucion.asunto",
        "nombre",
        "medio",
        "correo",
        "get_estado_display",
        "intentos",
        "ultimo_error",
        "creado",
        "enviado_en",
    ]
    export_headings = {
        "distribucion.asunto": _("Asunto"),
        "nombre": _("Destinatario"),
        "medio": _("Medio"),
        "correo": _("Correo"),
        "get_estado_display": _("Estado"),
        "intentos": _("Intentos"),
        "ultimo_error": _("Último error"),
        "creado": _("Creado"),
        "enviado_en": _("Enviado"),
    }

    def get_queryset(self):
        return Envio.objects.select_related("distribucion").order_by(
            "-creado", "correo"
        )

    def get_filename(self):
        return f"envios-{datetime.date.today():%Y-%m-%d}"


@require_POST
def reintentar_envio_view(request, pk):
    """The admin's "Reintentar" on a failed delivery."""
    if not request.user.has_perm(REINTENTAR_ENVIO):
        raise PermissionDenied
    envio = get_object_or_404(Envio, pk=pk)
    if reintentar_ahora(envio):
        messages.success(
            request, _("Se volverá a enviar a %(correo)s.") % {"correo": envio.correo}
        )
    else:
        messages.error(request, _("Este envío no está fallido."))
    return redirect("envios_boletines:index")
