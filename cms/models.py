"""The public content's version: caches of what is derived from it are keyed on it."""

from django.db import IntegrityError, models, transaction
from django.db.models import F


class VersionDelContenido(models.Model):
    """One row whose number grows whenever public content changes.

    Publishing, unpublishing, moving or deleting a page and saving a snippet or a
    site setting raise it (the same events that purge the caching proxy). Derived
    lists (the menu, the newsroom's filter choices and counts) are memoised under
    the current number, so every web process, with a local-memory cache or Redis,
    stops using them at the next request: one primary-key read, no cross-process
    invalidation.
    """

    numero = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "versión del contenido público"

    def __str__(self):
        return str(self.numero)

    @classmethod
    def actual(cls):
        numero = cls.objects.filter(pk=1).values_list("numero", flat=True).first()
        return numero or 0

    @classmethod
    def avanzar(cls):
        if cls.objects.filter(pk=1).update(numero=F("numero") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(pk=1, numero=1)
        except IntegrityError:  # another process created it first
            cls.objects.filter(pk=1).update(numero=F("numero") + 1)
