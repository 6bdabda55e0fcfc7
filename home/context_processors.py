"""Template context for every page: ``{{ institucion }}``."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from cms.cache.memoria import memorizar

from .models import InstitucionSettings


def institucion(request):
    """``{{ institucion }}``: the site's settings, memoised, read only if used."""

    def cargar():
        sitio = Site.find_for_request(request)
        if sitio is None:
            return InstitucionSettings()
        return memorizar(
            f"institucion:{sitio.pk}",
            lambda: InstitucionSettings.for_site(sitio),
            request,
        )

    return {"institucion": SimpleLazyObject(cargar)}
