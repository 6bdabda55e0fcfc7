"""What every page factory shares: saved and published through a revision."""

import factory
import wagtail_factories


class PaginaFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and saved as a revision, as the admin does.

    ``publicada=True`` publishes that revision (signals and all: folio, record,
    purge); with a future ``go_live_at`` it is scheduled instead, as an approved
    embargo. Section pages publish by default (``_publicar_por_omision``).
    ``autor=`` is the revision's user; ``en_flujo=True`` then submits the page
    to its section's workflow in that user's name, as «Enviar a revisión» does.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    _publicar_por_omision = False
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
        publicar = results.get("publicada")
        if publicar is None:
            publicar = cls._publicar_por_omision
        autor = results.get("autor")
        revision = instance.save_revision(user=autor, log_action=True)
        if publicar:
            revision.publish(user=autor, skip_permission_checks=True)
            instance.refresh_from_db()
        if results.get("en_flujo"):
            instance.get_workflow().start(instance, autor)
