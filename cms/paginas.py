"""The page permission tester every page type uses: workflows publish, people don't.

Wagtail asks ``page.permissions_for_user(user).can_publish()`` before every way
of making a page live by hand: the editor's «Publicar», the bulk action, «Copiar»
with «publicar las copias», aliases, the userbar. Where a workflow governs the page
(its own or an ancestor's), publishing is the last approval of that workflow
(``WAGTAIL_FINISH_WORKFLOW_ACTION``), so the tester says no to everyone there,
superusers included. Scheduling and privacy keep Wagtail's own rule.
"""

from functools import cached_property

from wagtail.models import PagePermissionTester


class PublicacionPorFlujoTester(PagePermissionTester):
    """Wagtail's tester, except that nobody publishes a workflow-governed page."""

    @cached_property
    def gobernada(self):
        """Whether a workflow governs the page (and so its new subpages)."""
        return self.page.get_workflow() is not None

    def can_publish(self):
        return not self.gobernada and super().can_publish()

    def can_publish_subpage(self):
        return not self.gobernada and super().can_publish_subpage()

    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        # Cancelling a scheduled publication makes nothing public.
        return super().can_publish()


class PublicaSoloPorFlujo:
    """Mixin for every page model: its permissions come from the tester above.

    Wagtail casts a plain ``Page`` to its specific class when that class overrides
    ``permissions_for_user``, so listings and bulk actions use it too.
    """

    def permissions_for_user(self, user):
        return PublicacionPorFlujoTester(user, self)
