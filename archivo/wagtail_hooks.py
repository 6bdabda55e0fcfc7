"""Admin hooks: the records workspace, the legal hold, the deletion guard."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from cms.administracion.menu import MenuConPermiso

from .disposicion import APROBAR, EJECUTAR, PROPONER, RECHAZAR
from .espacio import RegistroAdmin
from .resguardo import mensaje_de_rechazo
from .views import descargar_exportacion_view, exportaciones_view, reserva_view
from .views_disposicion import (
    descargar_acta_view,
    descargar_inventario_view,
    disposicion_view,
    disposiciones_view,
    inventarios_view,
)

modeladmin_register(RegistroAdmin)


@hooks.register("register_admin_urls")
def urls_de_archivo():
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
    return MenuConPermiso(
        gettext_lazy("Inventarios documentales"),
        reverse("archivo_inventarios"),
        icon_name="doc-full",
        order=251,
        permisos=["archivo.exportar_registros"],
    )


@hooks.register("register_admin_menu_item")
def menu_disposiciones():
    return MenuConPermiso(
        gettext_lazy("Disposición documental"),
        reverse("archivo_disposiciones"),
        icon_name="folder-open-inverse",
        order=252,
        permisos=["archivo.proponer_disposicion", "archivo.aprobar_disposicion"],
    )


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
    for accion, etiqueta in (
        (PROPONER, gettext_lazy("Proponer disposición documental")),
        (APROBAR, gettext_lazy("Aprobar disposición documental")),
        (RECHAZAR, gettext_lazy("Rechazar disposición documental")),
        (EJECUTAR, gettext_lazy("Ejecutar disposición documental")),
    ):
        actions.register_action(accion, etiqueta, etiqueta)
