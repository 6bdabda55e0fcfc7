"""Single-object admin views that refuse, with a 404, objects outside the user's scope.

Wagtail's generic views check model rights and then fetch any object by its key; a
model whose permission policy narrows rights per object (campus, área) wraps its
viewset's views with :func:`en_alcance` so that edit, delete, history, usage, inspect
and copy ask the policy about the object itself.
"""

from django.http import Http404

ACCIONES = ("change", "delete", "view")


class ObjetoEnAlcanceMixin:
    """``get_object`` answers 404 unless the policy grants some right on the object."""

    def get_object(self, *args, **kwargs):
        objeto = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ACCIONES, objeto
        ):
            raise Http404
        return objeto


def en_alcance(vista):
    """``vista`` (a Wagtail view class) that refuses objects outside the scope."""
    return type(f"{vista.__name__}EnAlcance", (ObjetoEnAlcanceMixin, vista), {})
