"""Admin menu entries shown only to whoever holds a permission."""

from wagtail.admin.menu import MenuItem


class MenuConPermiso(MenuItem):
    """A menu item shown to users with any of `permisos` (superusers have them all).

    `permisos` is one codename ("app.codename") or a list of them.
    """

    def __init__(self, *args, permisos, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(permisos, str):
            permisos = [permisos]
        self.permisos = tuple(permisos)

    def is_shown(self, request):
        return any(request.user.has_perm(permiso) for permiso in self.permisos)
