"""MenuConPermiso: the admin entries shown only with a permission."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory

from cms.administracion.menu import MenuConPermiso


def _usuario(username, *codenames, **campos):
    usuario = get_user_model().objects.create_user(username, **campos)
    for codename in codenames:
        app, nombre = codename.split(".")
        usuario.user_permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=nombre)
        )
    return get_user_model().objects.get(pk=usuario.pk)


def _visible(menu, usuario):
    request = RequestFactory().get("/admin/")
    request.user = usuario
    return menu.is_shown(request)


def test_an_entry_with_one_permission_shows_only_to_its_holders(db):
    menu = MenuConPermiso(
        "Bitácora", "/admin/bitacora/", permisos="wagtailcore.view_pagelogentry"
    )
    assert menu.permisos == ("wagtailcore.view_pagelogentry",)
    assert not _visible(menu, _usuario("sin_permiso"))
    assert _visible(menu, _usuario("jefa", is_superuser=True))


def test_an_entry_with_several_permissions_shows_with_any_of_them(db):
    menu = MenuConPermiso(
        "Disposición",
        "/admin/archivo/disposiciones/",
        permisos=["archivo.proponer_disposicion", "archivo.aprobar_disposicion"],
    )
    assert _visible(menu, _usuario("propone", "archivo.proponer_disposicion"))
    assert _visible(menu, _usuario("aprueba", "archivo.aprobar_disposicion"))
    assert not _visible(menu, _usuario("nadie", "archivo.view_registro"))
    assert not _visible(
        menu,
        _usuario("inactiva", "archivo.aprobar_disposicion", is_active=False),
    )
