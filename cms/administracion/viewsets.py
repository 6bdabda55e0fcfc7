"""Viewsets whose menu item and views are reserved to whoever holds a permission."""

from functools import cached_property, wraps

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry


class ConPermisoViewSet(ViewSet):
    """A viewset shown in the menu and served only to users who may see it.

    With `model` set, the model's permission policy decides ("view" on the model);
    otherwise `permiso`, one codename ("app.codename"), does.
    """

    model = None
    permiso = None

    def puede_ver(self, user):
        """Whether `user` may open this viewset's protected views and see its menu."""
        if self.model is not None:
            politica = policy_registry.get_by_type(self.model)
            return politica.user_has_permission(user, "view")
        return user.has_perm(self.permiso)

    def proteger(self, vista):
        """`vista` refusing users who may not see this viewset."""

        @wraps(vista)
        def protegida(request, *args, **kwargs):
            if not self.puede_ver(request.user):
                raise PermissionDenied
            return vista(request, *args, **kwargs)

        return protegida

    @cached_property
    def menu_item_class(self):
        viewset = self

        def is_shown(_item, request):
            return viewset.puede_ver(request.user)

        return type(
            f"{self.__class__.__name__}MenuItem", (MenuItem,), {"is_shown": is_shown}
        )
