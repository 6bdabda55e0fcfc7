"""Admin registration of the newsroom's viewsets."""

from wagtail import hooks

from .viewsets import EnviosViewSet, IndicadoresViewSet


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return [EnviosViewSet(), IndicadoresViewSet()]
