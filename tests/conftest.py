"""Shared fixtures: a private media folder, the demo institution, its users."""

from io import StringIO

import pytest
from django.core.management import call_command

from cms.management.commands.setup_demo import contrasena_demo


@pytest.fixture(autouse=True)
def media_temporal(settings, tmp_path):
    """Each test writes its files in its own folder, removed by pytest."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    """The demo institution, as ``make run`` loads it."""
    call_command("setup_demo", stdout=StringIO())


@pytest.fixture
def entrar_como(client):
    """Log the test client in as one of the demo users."""

    def entrar(usuario):
        assert client.login(username=usuario, password=contrasena_demo(usuario))
        return client

    return entrar
