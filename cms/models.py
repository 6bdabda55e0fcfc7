"""The public content's versions: what is derived from it is cached under them."""

from django.db import IntegrityError, models, transaction
from django.db.models import F

SITIO = "sitio"


class VersionDelContenido(models.Model):
    """One row per scope of the public content; its number grows when it changes.

    Scopes (``clave``): ``sitio`` (snippets, site settings, sites, view
    restrictions, moves: anything that may show on every page), ``pagina:<pk>``
    (the page itself, or something it shows, was published or taken down),
    ``seccion:<pk>`` (a page below it was) and ``hijos:<pk>`` (one of its
    children was: the menu). Fragments and derived lists are
    memoised under the numbers of the scopes they show, so every web process,
    with a local-memory cache or Redis, stops using them at its next request (one
    read per request, no cross-process invalidation), and publishing one boletín
    leaves every other boletín's fragments in memory (docs/cache.md).
    """

    clave = models.CharField(max_length=80, unique=True, default=SITIO)
    numero = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "versión del contenido público"

    def __str__(self):
        return f"{self.clave}={self.numero}"

    @classmethod
    def actuales(cls, claves):
        """``{clave: número}`` in one query; 0 for a scope that never moved."""
        filas = dict(
            cls.objects.filter(clave__in=claves).values_list("clave", "numero")
        )
        return {clave: filas.get(clave, 0) for clave in claves}

    @classmethod
    def actual(cls, clave=SITIO):
        return cls.actuales([clave])[clave]

    @classmethod
    def avanzar(cls, *claves):
        """Raise each scope by one (``UPDATE … numero + 1``, inside the caller's
        transaction); a scope's row is created the first time it moves."""
        for clave in dict.fromkeys(claves or (SITIO,)):
            if cls.objects.filter(clave=clave).update(numero=F("numero") + 1):
                continue
            try:
                with transaction.atomic():
                    cls.objects.create(clave=clave, numero=1)
            except IntegrityError:  # another process created it first
                cls.objects.filter(clave=clave).update(numero=F("numero") + 1)
