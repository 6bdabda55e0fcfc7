"""Local development: debug on, a fixed non-secret key, any host."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "django-insecure-solo-para-desarrollo-local-no-usar-en-produccion"
)
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]

# The demo institution and setup_demo: never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 (a new list: base stays as is)

# The institution's 404 on public pages, as in production; the admin keeps
# Django's technical page (cms/errores.py).
MIDDLEWARE = [*MIDDLEWARE, "cms.errores.PaginaNoEncontradaMiddleware"]  # noqa: F405
