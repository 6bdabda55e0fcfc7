"""Template context for every page: ``{{ institucion }}``."""

from django.db.models import prefetch_related_objects
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.cache.memoria import memorizar

from .models import InstitucionSettings


def _con_logo(ajustes):
    """The settings with both logos and their renditions, remembered together."""
    logos = [c for c in ("logo", "logo_gobierno") if getattr(ajustes, f"{c}_id")]
    if logos:
        prefetch_related_objects([ajustes], *(f"{c}__renditions" for c in logos))
    return ajustes


def institucion(request):
    """``{{ institucion }}``: the site's settings, memoised, read only if used."""

    def cargar():
        sitio = Site.find_for_request(request)
        if sitio is None:
            return InstitucionSettings()
        ajustes = memorizar(
            f"institucion:{sitio.pk}",
            lambda: _con_logo(InstitucionSettings.for_site(sitio)),
            request,
            proceso=True,
        )
        # Where ``InstitucionSettings.for_request`` looks first: one read a request.
        setattr(request, InstitucionSettings.get_cache_attr_name(), ajustes)
        return ajustes

    return {"institucion": SimpleLazyObject(cargar)}
