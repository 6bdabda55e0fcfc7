"""The desk's menu, the área's list, bulk actions, log actions, dashboard panels and
the coverage panel of a boletín's edit form."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from cms.paneles import registrar as registrar_panel

from .acciones_en_bloque import CerrarEnBloque, ClasificarEnBloque
from .cobertura import modelo_boletin, recogidas_de
from .models import Sintesis
from .panels import paneles_para
from .permissions import VER_REPORTE, VER_SINTESIS
from .viewsets import (
    AsuntosAreaViewSet,
    CoberturaViewSet,
    MonitoreoGroup,
    RecepcionDeCampanaViewSet,
    RecepcionViewSet,
)

register_snippet(MonitoreoGroup)
hooks.register("register_bulk_action", ClasificarEnBloque)
hooks.register("register_bulk_action", CerrarEnBloque)


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return [
        AsuntosAreaViewSet(),
        CoberturaViewSet(),
        RecepcionViewSet(),
        RecepcionDeCampanaViewSet(),
    ]


@hooks.register("register_log_actions")
def acciones_de_bitacora(actions):
    actions.register_action(
        "monitoreo.canalizar", _("Canalizar"), _("Canalizada al área")
    )
    actions.register_action(
        "monitoreo.responder", _("Responder"), _("Respondida por el área")
    )
    actions.register_action("monitoreo.cerrar", _("Cerrar"), _("Cerrada"))
    actions.register_action(
        "monitoreo.sin_respuesta", _("Sin respuesta"), _("Cerrada sin respuesta")
    )
    actions.register_action("monitoreo.clasificar", _("Clasificar"), _("Clasificada"))


@hooks.register("construct_homepage_panels")
def paneles_de_monitoreo(request, panels):
    panels.extend(paneles_para(request))


def panel_de_cobertura(pagina, request):
    """The «Cobertura en medios» panel of a live boletín's edit form (cms.paneles)."""
    if not pagina.live or not request.user.has_perm(VER_REPORTE):
        return None
    recogidas = list(recogidas_de(pagina))
    return render_to_string(
        "monitoreo/panels/cobertura_del_boletin.html",
        {"recogidas": recogidas, "pagina": pagina},
        request=request,
    )


registrar_panel("cobertura", panel_de_cobertura)


@hooks.register("register_page_header_buttons")
def cobertura_del_boletin(page, user, view_name, next_url=None):
    """On a boletín's admin page: its coverage in the media, with the count."""
    if page.specific_class is modelo_boletin() and user.has_perm(VER_REPORTE):
        recogidas = recogidas_de(page).count()
        yield Button(
            _("Cobertura en medios (%(n)s)") % {"n": recogidas},
            url=reverse("cobertura_boletines:detalle", args=[page.pk]),
            icon_name="site",
            priority=80,
        )


@hooks.register("register_snippet_listing_buttons")
def pdf_de_la_sintesis(snippet, user, next_url=None):
    """On each síntesis of the list: its PDF (render, progress, download)."""
    if isinstance(snippet, Sintesis) and user.has_perm(VER_SINTESIS):
        yield Button(
            _("PDF"),
            url=reverse("wagtailsnippets_monitoreo_sintesis:pdf", args=[snippet.pk]),
            icon_name="doc-full",
            priority=30,
        )
