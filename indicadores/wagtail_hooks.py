"""Informes → Indicadores: the dashboard's URLs and its menu item."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.administracion.menu import MenuConPermiso

from . import views
from .permissions import VER_INDICADORES

urlpatterns = [
    path("", views.TableroView.as_view(), name="tablero"),
    path("informe/", views.generar_informe, name="generar_informe"),
    path("informe/<int:pk>/", views.descargar_informe, name="informe"),
    path(
        "<slug:slug>/tabla/",
        views.TablaView.as_view(results_only=False),
        name="tabla",
    ),
    path("<slug:slug>/filas/", views.FilasView.as_view(), name="filas"),
]


@hooks.register("register_admin_urls")
def urls_de_indicadores():
    return [path("indicadores/", include((urlpatterns, "indicadores")))]


@hooks.register("register_reports_menu_item")
def menu_de_indicadores():
    return MenuConPermiso(
        _("Indicadores"),
        reverse_lazy("indicadores:tablero"),
        name="indicadores",
        icon_name="table",
        order=100,
        permisos=VER_INDICADORES,
    )
