"""Admin hooks: the records workspace, the legal hold, the deletion guard and the
archivist's dashboard panel."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from cms.administracion.menu import MenuConPermiso

from .disposicion import (
    ACCION_APROBAR,
    ACCION_EJECUTAR,
    ACCION_PROPONER,
    ACCION_RECHAZAR,
)
from .panels import ArchivoPanel
from .permissions import (
    APROBAR_DISPOSICION,
    EXPORTAR_REGISTROS,
    PROPONER_DISPOSICION,
)
from .resguardo import (
    ACCION_LEVANTAR,
    ACCION_PEDIR_LEVANTAMIENTO,
    ACCION_RECHAZAR_LEVANTAMIENTO,
    ACCION_RESERVAR,
    mensaje_de_rechazo,
)
from .views import (
    descargar_acta_view,
    descargar_exportacion_view,
    descargar_inventario_view,
    disposicion_view,
    disposiciones_view,
    exportaciones_view,
    inventarios_view,
    reserva_view,
)
from .viewsets import registro_viewset


@hooks.register("register_admin_viewset")
def espacio_de_registros():
    """The records workspace (read-only listing, filters, exports, inspect)."""
    return registro_viewset


@hooks.register("register_admin_urls")
def urls_de_archivo():
    """The legal hold, the exports, the inventories and disposition."""
    return [
        path("archivo/reserva/<int:pk>/", reserva_view, name="archivo_reserva"),
        path(
            "archivo/exportaciones/", exportaciones_view, name="archivo_exportaciones"
        ),
        path(
            "archivo/exportaciones/<int:pk>/",
            descargar_exportacion_view,
            name="archivo_descargar_exportacion",
        ),
        path("archivo/inventarios/", inventarios_view, name="archivo_inventarios"),
        path(
            "archivo/inventarios/<str:tipo>.<str:formato>",
            descargar_inventario_view,
            name="archivo_inventario",
        ),
        path(
            "archivo/disposiciones/", disposiciones_view, name="archivo_disposiciones"
        ),
        path(
            "archivo/disposiciones/<int:pk>/",
            disposicion_view,
            name="archivo_disposicion",
        ),
        path(
            "archivo/disposiciones/<int:pk>/acta.pdf",
            descargar_acta_view,
            name="archivo_descargar_acta",
        ),
    ]


@hooks.register("register_admin_menu_item")
def menu_inventarios():
    """Shown to those who may export records."""
    return MenuConPermiso(
        gettext_lazy("Inventarios documentales"),
        reverse("archivo_inventarios"),
        icon_name="doc-full",
        order=251,
        permisos=[EXPORTAR_REGISTROS],
    )


@hooks.register("register_admin_menu_item")
def menu_disposiciones():
    """Shown to those who propose or approve disposition."""
    return MenuConPermiso(
        gettext_lazy("Disposición documental"),
        reverse("archivo_disposiciones"),
        icon_name="folder-open-inverse",
        order=252,
        permisos=[PROPONER_DISPOSICION, APROBAR_DISPOSICION],
    )


@hooks.register("construct_homepage_panels")
def panel_del_archivo(request, panels):
    """For who proposes dispositions: the archive's own work, first."""
    if request.user.has_perm(PROPONER_DISPOSICION):
        panels.append(ArchivoPanel(request))


@hooks.register("before_delete_page")
def conservar_pagina(request, page):
    """Refuse before the confirmation page: the page or a descendant is kept."""
    mensaje = mensaje_de_rechazo([page])
    if mensaje:
        messages.error(request, mensaje)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def conservar_en_lote(request, action_type, objects, action_class_instance):
    """Bulk deletion of pages, images or documents: all or nothing."""
    if action_type != "delete":
        return None
    mensaje = mensaje_de_rechazo(objects)
    if mensaje:
        messages.error(request, mensaje)
        return redirect(action_class_instance.next_url)
    return None


@hooks.register("register_log_actions")
def acciones_de_disposicion(actions):
    """The disposition steps, as the audit log names them."""
    for accion, etiqueta in (
        (ACCION_PROPONER, gettext_lazy("Proponer disposición documental")),
        (ACCION_APROBAR, gettext_lazy("Aprobar disposición documental")),
        (ACCION_RECHAZAR, gettext_lazy("Rechazar disposición documental")),
        (ACCION_EJECUTAR, gettext_lazy("Ejecutar disposición documental")),
    ):
        actions.register_action(accion, etiqueta, etiqueta)


class MensajeDeReserva(LogFormatter):
    """A hold's audit-log entry reads with its reason (and the Titular's comment)."""

    plantilla = ""

    def format_message(self, log_entry):
        datos = {
            "motivo": "",
            "comentario": "",
            "pedido_por": "",
            **(log_entry.data or {}),
        }
        texto = str(self.plantilla) % datos
        if datos["comentario"]:
            texto += " " + _("Comentario: %(comentario)s") % datos
        return texto


@hooks.register("register_log_actions")
def acciones_de_reserva(actions):
    """Placing a hold, asking to lift it, and the Titular's decision."""
    for accion, etiqueta, plantilla in (
        (
            ACCION_RESERVAR,
            gettext_lazy("Poner en reserva"),
            gettext_lazy("Reservado: %(motivo)s"),
        ),
        (
            ACCION_PEDIR_LEVANTAMIENTO,
            gettext_lazy("Pedir que se levante una reserva"),
            gettext_lazy("Se pidió levantar la reserva: %(motivo)s"),
        ),
        (
            ACCION_LEVANTAR,
            gettext_lazy("Levantar una reserva"),
            gettext_lazy("Reserva levantada a petición de %(pedido_por)s: %(motivo)s"),
        ),
        (
            ACCION_RECHAZAR_LEVANTAMIENTO,
            gettext_lazy("Mantener una reserva"),
            gettext_lazy(
                "Se mantiene la reserva; %(pedido_por)s pidió levantarla: %(motivo)s"
            ),
        ),
    ):
        formato = type(
            "MensajeDeReserva",
            (MensajeDeReserva,),
            {"label": etiqueta, "plantilla": plantilla},
        )
        actions.register_action(accion)(formato)
