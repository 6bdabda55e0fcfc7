"""Admin hooks: publication of governed pages only through their workflow."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

BOTON_PUBLICAR = "action-publish"


def _gobernada(pagina):
    return pagina is not None and pagina.get_workflow() is not None


@hooks.register("construct_page_action_menu")
def ocultar_publicar(menu_items, request, context):
    """No "Publicar" button where a workflow governs, not even for superusers."""
    pagina = context.get("page") if context["view"] != "create" else None
    if _gobernada(pagina or context.get("parent_page")):
        menu_items[:] = [item for item in menu_items if item.name != BOTON_PUBLICAR]


def _guardar_en_vez_de_publicar(request, pagina):
    if request.method != "POST" or BOTON_PUBLICAR not in request.POST:
        return
    if not _gobernada(pagina):
        return
    datos = request.POST.copy()
    del datos[BOTON_PUBLICAR]
    request.POST = datos
    messages.warning(
        request,
        _(
            "Se guardó como borrador: esta sección solo publica al aprobarse su "
            "flujo. Envíalo a aprobación."
        ),
    )


@hooks.register("before_edit_page")
def publicar_solo_con_flujo_al_editar(request, page):
    _guardar_en_vez_de_publicar(request, page)


@hooks.register("before_create_page")
def publicar_solo_con_flujo_al_crear(request, parent_page, page_class):
    _guardar_en_vez_de_publicar(request, parent_page)
