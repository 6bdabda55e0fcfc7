"""The test suite: fast hashing, tasks run inline, mail to the outbox."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "clave-de-pruebas-no-secreta-suficientemente-larga-para-django-50+"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
VIDEO_X264_PRESET = "ultrafast"

# The demo institution and setup_demo: never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 (a new list: base stays as is)

# The private storage (exports, actas, the records' store) beside the test media.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "archivo": {
        "BACKEND": "cms.almacenamiento.AlmacenamientoPrivadoLocal",
        "OPTIONS": {"location": str(VAR_DIR / "test-archivo")},  # noqa: F405
    },
}

# SQLite: a file in memory-backed /dev/shm, not Django's in-memory database, so
# the live server's threads get connections of their own (tests/plantilla.py).
# One name per process: two checkouts' runs on one machine keep apart.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _carpeta = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(_carpeta, f"pruebas-cms-{os.getpid()}.sqlite3")
    }
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        # A test database need not survive a power cut.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    }

# PostgreSQL: a test commits thousands of times (flushes, module data, the browser
# journeys' committed demo) and need not wait for each commit to reach the disk.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        "options": "-c synchronous_commit=off",
    }
