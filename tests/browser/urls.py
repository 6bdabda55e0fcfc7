"""The site's addresses plus one that fails, for the 500 page's browser check."""

from django.urls import path

from cms.urls import urlpatterns as del_sitio


def falla(request):
    raise RuntimeError("Falla provocada por la prueba de la página 500")


urlpatterns = [path("falla-de-prueba/", falla), *del_sitio]
