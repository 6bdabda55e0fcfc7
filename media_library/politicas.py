"""Who may delete a photo or a document: only whoever holds the delete right.

Wagtail's ``CollectionOwnershipPermissionPolicy`` treats deleting as changing, and
uploading (``add``) as changing one's own uploads. So every editor could delete any
photo, every enlace their own, and the ``delete`` grant did nothing. This policy
keeps Wagtail's rules for every other action and makes ``delete`` need the
collection's ``delete_image`` / ``delete_document`` permission (the Titular's, in
``workflows/roles.py``). ``docs/roles.md`` has the matrix.
"""

from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)
from wagtail.permissions import register_permission_policy

BORRAR = "delete"


class PoliticaDeMedios(CollectionOwnershipPermissionPolicy):
    """Wagtail's ownership policy for media, with deletion as a right of its own."""

    def _sin_borrar(self, actions):
        return set(actions) - {BORRAR}

    def user_has_permission(self, user, action):
        if action == BORRAR:
            return self._check_perm(user, [BORRAR])
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, accion) for accion in actions)

    def users_with_any_permission(self, actions):
        resto = self._sin_borrar(actions)
        usuarios = self._users_with_perm([BORRAR]) if BORRAR in actions else None
        if resto:
            otros = super().users_with_any_permission(resto)
            usuarios = otros if usuarios is None else (usuarios | otros).distinct()
        return usuarios

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if BORRAR in actions and self._check_perm(
            user, [BORRAR], collection=instance.collection
        ):
            return True
        resto = self._sin_borrar(actions)
        return bool(resto) and super().user_has_any_permission_for_instance(
            user, resto, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        resto = self._sin_borrar(actions)
        instancias = self.model._default_manager.none()
        if BORRAR in actions:
            if user.is_active and user.is_superuser:
                return self.model._default_manager.all()
            if user.is_authenticated:
                instancias = self.model._default_manager.filter(
                    collection__in=self._collections_with_perm(user, [BORRAR])
                )
        if resto:
            instancias |= super().instances_user_has_any_permission_for(user, resto)
        return instancias

    def users_with_any_permission_for_instance(self, actions, instance):
        resto = self._sin_borrar(actions)
        usuarios = None
        if BORRAR in actions:
            usuarios = self._users_with_perm([BORRAR], collection=instance.collection)
        if resto:
            otros = super().users_with_any_permission_for_instance(resto, instance)
            usuarios = otros if usuarios is None else (usuarios | otros).distinct()
        return usuarios


def registrar_politicas(imagen, documento):
    """Put :class:`PoliticaDeMedios` on the image and document models.

    ``exact_class``: wagtail.images and wagtail.documents register their own policy
    for these models in their ``ready()``, after this app's; an exact-class entry
    wins over theirs. Rights still come from the base models (``auth_model``).
    """
    for modelo, base in (
        (imagen, "wagtailimages.Image"),
        (documento, "wagtaildocs.Document"),
    ):
        politica = PoliticaDeMedios(
            modelo, auth_model=base, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(modelo, politica, exact_class=True)
