"""Shared fixtures: a private media folder, the demo institution, its users."""

import socket
import warnings
from io import StringIO

import boto3
import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import setup_databases, teardown_databases
from moto.server import ThreadedMotoServer
from wagtail.models import Collection, Locale, Page, Site

from cms.settings import environment
from tests import plantilla
from tests.admin import entrar as entrar_en_admin
from tests.factories import construir_institucion
from tests.transacciones import transaccion_del_modulo

# One migrated database per pass, copied to each xdist worker (tests/plantilla.py).


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """In the controller, before a worker starts: the template and its copy."""
    config = node.config
    if not hasattr(config, "plantilla_bd"):
        config.plantilla_bd = plantilla.crear(config)
    plantilla.copiar(config, config.plantilla_bd, node.workerinput["workerid"])
    node.workerinput["plantilla_bd"] = config.plantilla_bd


def pytest_unconfigure(config):
    if hasattr(config, "plantilla_bd"):
        plantilla.borrar(config, config.plantilla_bd)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """The worker's copy of the template; without xdist, pytest-django's way."""
    entrada = getattr(request.config, "workerinput", {})
    if "plantilla_bd" in entrada:
        with django_db_blocker.unblock():
            copia = plantilla.usar(entrada["plantilla_bd"], entrada["workerid"])
        yield
        if copia is not None:
            with django_db_blocker.unblock():
                connections.close_all()
            plantilla.borrar_archivo(copia)
        return
    opciones = request.config.option
    conservar = opciones.reuse_db and not opciones.create_db
    with django_db_blocker.unblock():
        bases = setup_databases(
            verbosity=opciones.verbose,
            interactive=False,
            keepdb=conservar,
            serialized_aliases=set(),
        )
    yield
    if not opciones.reuse_db:
        # As pytest-django: a live server's connection may still hold the database.
        with django_db_blocker.unblock():
            try:
                teardown_databases(bases, verbosity=opciones.verbose)
            except Exception as error:  # noqa: BLE001
                warnings.warn(f"No se borró la base: {error!r}", stacklevel=1)
        prueba = connections["default"].settings_dict.get("TEST", {}).get("NAME")
        if connections["default"].vendor == "sqlite" and prueba:
            plantilla.borrar_archivo(prueba)


def con_archivo_privado_en(storages, carpeta):
    """``STORAGES`` with the private storage (exports, actas, store) in ``carpeta``."""
    return {
        **storages,
        "archivo": {**storages["archivo"], "OPTIONS": {"location": str(carpeta)}},
    }


@pytest.fixture(autouse=True)
def media_temporal(settings, tmp_path):
    """Each test writes its files in its own folders, removed by pytest."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = con_archivo_privado_en(settings.STORAGES, tmp_path / "archivo")


@pytest.fixture(autouse=True)
def cache_vacia():
    """The local-memory caches outlive a test; the scheduler's turn lives there, and
    the process's memory (``proceso``) holds the site and routes of a rolled-back
    tree under version numbers that the next test reuses."""
    for memoria in caches.all():
        memoria.clear()


@pytest.fixture
def demo(db):
    """The demo institution, as ``make run`` loads it, minus the two-year archive."""
    call_command("setup_demo", "--sin-historial", stdout=StringIO())


@pytest.fixture
def institucion(db):
    """The smallest institution (site, sections, roles, users), for this test only."""
    return construir_institucion()


@pytest.fixture(scope="module")
def institucion_del_modulo(django_db_setup, django_db_blocker):
    """The smallest institution, built once for every test of a module.

    It lives in a transaction opened around the module; each test's own
    transaction is a savepoint inside it, so a test's changes still vanish after
    it, and the module's are rolled back at its end. It creates no files, so the
    per-test media folder does not matter to it.
    """
    with django_db_blocker.unblock(), transaccion_del_modulo():
        yield construir_institucion()


@pytest.fixture
def institucion_compartida(institucion_del_modulo, db):
    """The module's institution, inside this test's own transaction."""
    return institucion_del_modulo


@pytest.fixture
def entrar_como(client):
    """Log the test client in as one of the demo users."""

    def entrar(usuario):
        # Client.login() authenticates without a request: django-axes refuses it.
        return entrar_en_admin(client, get_user_model().objects.get(username=usuario))

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


def _reponer(filas_de_wagtail):
    """Put Wagtail's base rows back if a flush removed them."""
    if not Page.objects.exists():
        for fila in serializers.deserialize("json", filas_de_wagtail):
            fila.save()


@pytest.fixture
def base_transaccional(filas_de_wagtail, transactional_db):
    """A transactional test's database, with Wagtail's base rows in place.

    The flush after each transactional test removes them. Django's own
    ``serialized_rollback`` keeps its copy on the connection object, which
    Playwright's greenlet does not see, so the suite keeps its own.
    """
    assert not connection.in_atomic_block, (
        "Una prueba transaccional no puede compartir módulo con "
        "institucion_compartida o demo_compartida: su transacción sigue abierta."
    )
    _reponer(filas_de_wagtail)


@pytest.fixture(scope="module", autouse=True)
def filas_de_wagtail_del_modulo(filas_de_wagtail, django_db_blocker):
    """Each module starts with Wagtail's base rows, as migrations left them.

    A module's transactional tests run after its other tests and their flush
    empties the database; a module is one xdist group, so the next module on that
    worker would otherwise find no locale, root page or site.
    """
    with django_db_blocker.unblock():
        _reponer(filas_de_wagtail)


# A real S3 protocol endpoint on loopback (moto), for the storage tests.


def _puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_local():
    puerto = _puerto_libre()
    servidor = ThreadedMotoServer(ip_address="127.0.0.1", port=puerto)
    servidor.start()
    endpoint = f"http://127.0.0.1:{puerto}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="prueba",
        aws_secret_access_key="prueba",
    ).create_bucket(Bucket="medios-cms")
    yield endpoint
    servidor.stop()


@pytest.fixture
def almacenamiento_s3(settings, s3_local):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": environment.default_storage(
            {
                "AWS_STORAGE_BUCKET_NAME": "medios-cms",
                "AWS_S3_ENDPOINT_URL": s3_local,
                "AWS_S3_REGION_NAME": "us-east-1",
                "AWS_ACCESS_KEY_ID": "prueba",
                "AWS_SECRET_ACCESS_KEY": "prueba",
            }
        ),
    }
    return default_storage


def pytest_itemcollected(item):
    """Placement under xdist's ``loadgroup``: one worker per module, browsers together.

    A module's tests share a worker, so its module-scoped fixtures are built once;
    every browser journey runs on one worker, one Chromium and one live server at
    a time. The mark is set here, as each test is collected: xdist reads the marks
    in its own ``pytest_collection_modifyitems``, which runs before any
    ``trylast`` one (set there, the marks came too late and each module's tests
    were spread over both workers, its fixtures built on each).
    """
    if item.get_closest_marker("xdist_group"):
        return
    grupo = "navegador" if item.get_closest_marker("browser") else item.module.__name__
    item.add_marker(pytest.mark.xdist_group(grupo))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The journeys are the longest group, so they go first (after pytest-django's
    own ordering, which puts them last): one worker starts them while the other
    takes the modules one by one, and neither waits at the end."""
    items.sort(key=lambda item: not item.get_closest_marker("browser"))
