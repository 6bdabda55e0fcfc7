"""Admin registration of the newsroom's viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.administracion.tablero import registrar_alta

from .models import BoletinPage
from .viewsets import EnviosViewSet, IndicadoresViewSet


@hooks.register("register_admin_viewset")
def registrar_viewsets():
    return [EnviosViewSet(), IndicadoresViewSet()]


registrar_alta(BoletinPage, _("Nuevo boletín"))
