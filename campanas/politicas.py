"""Who may act on which campus report: model rights, narrowed to the user's campus."""

from wagtail.permission_policies import ModelPermissionPolicy

from home.models import PlantelPage

from .permissions import VER_CUMPLIMIENTO


def planteles_de(usuario):
    """The campuses whose enlace group the user belongs to."""
    nombres = [
        g.removeprefix("Enlaces — ")
        for g in usuario.groups.values_list("name", flat=True)
        if g.startswith("Enlaces — ")
    ]
    return PlantelPage.objects.filter(title__in=nombres)


class PoliticaDeReportes(ModelPermissionPolicy):
    """A campus report is reachable only from its own campus, or by who sees them all.

    Seeing every campus's reports (``VER_CUMPLIMIENTO``) opens them all; an enlace's
    add and change rights reach only the reports of the campuses of their
    «Enlaces — Plantel X» groups. The admin views ask this policy for the object they
    open (``cms.administracion.alcance``), and Wagtail's bulk actions ask it too.
    """

    def ve_todos(self, user):
        return user.is_active and user.has_perm(VER_CUMPLIMIENTO)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if self.ve_todos(user):
            return True
        return planteles_de(user).filter(pk=instance.plantel_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        reportes = super().instances_user_has_any_permission_for(user, actions)
        if self.ve_todos(user):
            return reportes
        return reportes.filter(plantel__in=planteles_de(user))
