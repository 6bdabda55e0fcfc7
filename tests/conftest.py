"""Shared fixtures: a private media folder, the demo institution, its users."""

from io import StringIO

import pytest
from django.core import serializers
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page, Site

from cms.management.commands.setup_demo import contrasena_demo


@pytest.fixture(autouse=True)
def media_temporal(settings, tmp_path):
    """Each test writes its files in its own folder, removed by pytest."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def cache_vacia():
    """The local-memory cache outlives a test; the scheduler's turn lives there."""
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo institution, as ``make run`` loads it, minus the two-year archive."""
    call_command("setup_demo", "--sin-historial", stdout=StringIO())


@pytest.fixture
def entrar_como(client):
    """Log the test client in as one of the demo users."""

    def entrar(usuario):
        assert client.login(username=usuario, password=contrasena_demo(usuario))
        return client

    return entrar


@pytest.fixture(scope="session", autouse=True)
def filas_de_wagtail(django_db_setup, django_db_blocker):
    """The rows Wagtail's migrations create: locale, root collection, pages, site.

    Taken before any transactional test runs (pytest-django runs those last).
    """
    with django_db_blocker.unblock():
        filas = [
            *Locale.objects.all(),
            *Collection.objects.filter(depth=1),
            *Page.objects.filter(depth__lte=2),
            *Site.objects.all(),
        ]
        return serializers.serialize("json", filas, use_natural_foreign_keys=True)


@pytest.fixture
def base_transaccional(filas_de_wagtail, transactional_db):
    """A transactional test's database, with Wagtail's base rows in place.

    The flush after each transactional test removes them. Django's own
    ``serialized_rollback`` keeps its copy on the connection object, which
    Playwright's greenlet does not see, so the suite keeps its own.
    """
    if not Page.objects.exists():
        for fila in serializers.deserialize("json", filas_de_wagtail):
            fila.save()
