"""Admin entries of the newsroom: deliveries to the media and the indicator."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from cms.administracion.menu import MenuConPermiso

from .views import (
    VER_ENVIOS,
    VER_INDICADORES,
    EnviosView,
    IndicadoresView,
    reintentar_envio_view,
)


@hooks.register("register_admin_urls")
def urls_de_boletines():
    return [
        path("envios/", EnviosView.as_view(), name="envios_boletines"),
        path(
            "envios/resultados/",
            EnviosView.as_view(results_only=True),
            name="envios_boletines_results",
        ),
        path(
            "envios/<int:pk>/reintentar/",
            reintentar_envio_view,
            name="reintentar_envio",
        ),
        path(
            "indicadores/boletines/",
            IndicadoresView.as_view(),
            name="indicadores_boletines",
        ),
        path(
            "indicadores/boletines/resultados/",
            IndicadoresView.as_view(results_only=True),
            name="indicadores_boletines_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def menu_de_envios():
    return MenuConPermiso(
        gettext_lazy("Envíos a medios"),
        reverse("envios_boletines"),
        icon_name="mail",
        order=1200,
        permisos=VER_ENVIOS,
    )


@hooks.register("register_reports_menu_item")
def menu_de_indicadores():
    return MenuConPermiso(
        gettext_lazy("Boletines programados vs publicados"),
        reverse("indicadores_boletines"),
        icon_name="table",
        order=1300,
        permisos=VER_INDICADORES,
    )
