"""The test suite: fast hashing, tasks run inline, mail to the outbox."""

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

# PostgreSQL: a test commits thousands of times (flushes, module data, the browser
# journeys' committed demo) and need not wait for each commit to reach the disk.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        "options": "-c synchronous_commit=off",
    }
