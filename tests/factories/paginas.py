"""What every page factory shares: saved and published through a revision."""

import factory
import wagtail_factories
from django.utils import timezone


class PaginaFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and saved as a revision, as the admin does.

    ``publicada=True`` publishes that revision (signals and all: folio, record,
    purge); with a future ``go_live_at`` it is scheduled instead, as an approved
    embargo. ``autor=`` is the revision's user; ``en_flujo=True`` then submits
    the page to its section's workflow in that user's name, as «Enviar a
    revisión» does.

    Section pages declare ``live = True``: unless ``publicada=True`` is asked
    for, they are live from the start with a live revision but without the
    publishing signals, since nothing reacts to a section going live and the
    institution is built for every test module.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    live = False

    @factory.post_generation
    def publicada(obj, create, extracted, **kwargs):
        """Read in ``_after_postgeneration``, once photos and the like are in."""
        return extracted

    @factory.post_generation
    def autor(obj, create, extracted, **kwargs):
        """The user whose revision this is."""
        return extracted

    @factory.post_generation
    def en_flujo(obj, create, extracted, **kwargs):
        """Read in ``_after_postgeneration``, after the revision exists."""
        return extracted

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        results = results or {}
        autor = results.get("autor")
        revision = instance.save_revision(user=autor, log_action=True)
        if results.get("publicada"):
            revision.publish(user=autor, skip_permission_checks=True)
            instance.refresh_from_db()
        elif instance.live:
            ahora = timezone.now()
            type(instance).objects.filter(pk=instance.pk).update(
                live_revision=revision,
                has_unpublished_changes=False,
                first_published_at=ahora,
                last_published_at=ahora,
            )
            instance.refresh_from_db()
        if results.get("en_flujo"):
            instance.get_workflow().start(instance, autor)
