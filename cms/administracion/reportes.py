"""Reports in the admin's Reports menu, each one a viewset."""

from functools import cached_property

from django.urls import path

from .viewsets import ConPermisoViewSet


class ReporteViewSet(ConPermisoViewSet):
    """A `ReportView` served at its index and results URLs, with its menu item.

    `view_class` is the report; `acciones` adds row actions (retry, …) as
    `(ruta, vista, nombre)` triples that check their own permission.
    """

    view_class = None
    menu_hook = "register_reports_menu_item"
    acciones = ()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            index_url_name=self.get_url_name("index"),
            index_results_url_name=self.get_url_name("index_results"),
            **kwargs,
        )

    @cached_property
    def index_view(self):
        return self.proteger(self.construct_view(self.view_class))

    @cached_property
    def index_results_view(self):
        return self.proteger(self.construct_view(self.view_class, results_only=True))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("resultados/", self.index_results_view, name="index_results"),
            *(path(ruta, vista, name=nombre) for ruta, vista, nombre in self.acciones),
        ]
