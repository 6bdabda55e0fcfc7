from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls


def medios_locales():
    """``make run``'s media files, without the documents' folder.

    A document is served by Wagtail's view (/documentos/<id>/<name>), which asks
    ``before_serve_document`` whether this visitor may have it; serving its file
    straight from /media/documents/ would skip that rule. In production the web
    server in front must not serve that folder either (docs/publicacion.md).
    """
    prefijo = settings.MEDIA_URL.lstrip("/")
    return [
        re_path(
            rf"^{prefijo}(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page declares.

    Resolved per request: the hashed name exists only after ``collectstatic``.
    """
    return HttpResponsePermanentRedirect(static_url("img/favicon.svg"))


urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/dos-pasos/", include("cms.dos_pasos.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("", include("search.urls")),
    path("sitemap.xml", sitemap),
    path("", include("campanas.urls")),
    path("", include("monitoreo.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    path("favicon.ico", favicon),
    path("", include("home.urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += medios_locales()

urlpatterns += [path("", include(wagtail_urls))]
