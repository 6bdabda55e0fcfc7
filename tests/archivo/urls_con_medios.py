"""The site's URLs plus ``/media/`` served from ``MEDIA_ROOT``, as ``make run`` does."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import urlpatterns as del_sitio


def medios(request, path):
    """``static()`` in DEBUG, but reading the test's own ``MEDIA_ROOT`` each time."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", medios), *del_sitio]
