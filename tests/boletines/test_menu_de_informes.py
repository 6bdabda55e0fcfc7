"""The newsroom's reports in the Reports menu: shown only to whoever may open them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse

from boletines.permissions import VER_ENVIOS, VER_INDICADORES
from boletines.viewsets import EnviosViewSet, IndicadoresViewSet


def _usuario(username, *codenames):
    usuario = get_user_model().objects.create_user(username)
    for codename in codenames:
        app, nombre = codename.split(".")
        usuario.user_permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=nombre)
        )
    return get_user_model().objects.get(pk=usuario.pk)


def _visible(viewset, usuario):
    request = RequestFactory().get("/admin/")
    request.user = usuario
    return viewset.get_menu_item().is_shown(request)


def test_the_deliveries_entry_follows_the_envio_permission_policy(db):
    viewset = EnviosViewSet()
    assert viewset.get_menu_item().url == reverse("envios_boletines:index")
    assert _visible(viewset, _usuario("difusion", VER_ENVIOS))
    assert not _visible(viewset, _usuario("indicadores", VER_INDICADORES))


def test_the_indicator_entry_shows_only_with_its_permission(db):
    viewset = IndicadoresViewSet()
    assert viewset.get_menu_item().url == reverse("indicadores_boletines:index")
    assert _visible(viewset, _usuario("coordinacion", VER_INDICADORES))
    assert not _visible(viewset, _usuario("difusion", VER_ENVIOS))
