"""Turn environment variables into Django settings.

Each function takes the variable's value (or the whole environment) and returns
the setting, so the mapping is testable without reloading settings.  An unset
variable gives the embedded default that needs nothing running.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url


def database(url: str | None, sqlite_path: Path) -> dict:
    """``DATABASES["default"]`` from ``DATABASE_URL``; SQLite file by default."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": sqlite_path,
            # WAL and a busy timeout let the web server and the task worker
            # share the file without "database is locked" errors.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return config


def caches(redis_url: str | None, desactivada: bool = False) -> dict:
    """Redis cache when ``REDIS_URL`` is set, local memory otherwise.

    ``proceso`` is always the process's own memory: the site, its settings, the
    menu and the routes, read on every request (``cms.cache.memoria``).
    ``renditions`` is the cache Wagtail looks image renditions up in.
    ``desactivada`` (``CACHE_DESACTIVADA``) turns the shared cache off, to
    measure the cold path (``bench/sitio.py --sin-memoria``).
    """
    if desactivada:
        backend = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    elif redis_url:
        backend = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "cms",
        }
    else:
        # Room for the remembered fragments of a busy site (Django's default is 300).
        backend = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    proceso = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "proceso",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
    renditions = (
        {**backend, "KEY_PREFIX": "cms-renditions"}
        if redis_url and not desactivada
        else {**proceso, "LOCATION": "renditions"}
    )
    return {"default": backend, "proceso": proceso, "renditions": renditions}


def tasks(redis_url: str | None) -> dict:
    """django-tasks: RQ on Redis when ``REDIS_URL`` is set, the database otherwise."""
    if redis_url:
        backend = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    else:
        backend = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    return {"default": backend}


def rq_queues(redis_url: str | None) -> dict:
    """django-rq's queues, used by the RQ task backend and its ``rqworker``."""
    if not redis_url:
        return {}
    return {"default": {"URL": redis_url, "DEFAULT_TIMEOUT": 30 * 60}}


# Spanish analysis for Elasticsearch: every text field uses it unless Wagtail
# names another analyzer (its autocomplete edge n-grams).
ANALISIS_ESPANOL = {
    "analysis": {
        "filter": {
            "espanol_vacias": {"type": "stop", "stopwords": "_spanish_"},
            "espanol_raiz": {"type": "stemmer", "language": "light_spanish"},
        },
        "analyzer": {
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "lowercase",
                    "asciifolding",
                    "espanol_vacias",
                    "espanol_raiz",
                ],
            }
        },
    }
}
BUSQUEDA_EN_BASE_DE_DATOS = {
    "BACKEND": "search.backends.database",
    # PostgreSQL only (search/migrations/0001); SQLite folds in Python instead.
    "SEARCH_CONFIG": "spanish_unaccent",
}


def search_backends(elasticsearch_url: str | None) -> dict:
    """Elasticsearch 8 when ``ELASTICSEARCH_URL`` is set, the database otherwise.

    With Elasticsearch the database index is kept too (``database``): the public
    search answers from it while Elasticsearch is down.
    """
    if not elasticsearch_url:
        return {"default": dict(BUSQUEDA_EN_BASE_DE_DATOS)}
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [elasticsearch_url],
            "INDEX": "cms",
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 1},
            "INDEX_SETTINGS": {"settings": ANALISIS_ESPANOL},
        },
        "database": dict(BUSQUEDA_EN_BASE_DE_DATOS),
    }


def frontend_cache(varnish_url: str | None) -> dict:
    """``WAGTAILFRONTENDCACHE`` from ``VARNISH_URL`` (Varnish's address for PURGE)."""
    if not varnish_url:
        return {}
    return {
        "varnish": {
            "BACKEND": "cms.cache.backends.BackendVarnish",
            "LOCATION": varnish_url,
        }
    }


def default_storage(env: dict) -> dict:
    """S3 through django-storages when ``AWS_STORAGE_BUCKET_NAME`` is set."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        # A private bucket: every URL is a presigned, expiring one (SigV4).
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 3600,
        "signature_version": "s3v4",
        "file_overwrite": False,
        "location": env.get("AWS_LOCATION", "media"),
    }
    optional = {
        "region_name": "AWS_S3_REGION_NAME",
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
        "custom_domain": "AWS_S3_CUSTOM_DOMAIN",
    }
    options.update({opt: env[var] for opt, var in optional.items() if env.get(var)})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def private_storage(env: dict, carpeta) -> dict:
    """``STORAGES["archivo"]``: exports, actas and the records' write-once store.

    Locally a folder outside ``MEDIA_ROOT`` (``ARCHIVO_ROOT``) that nothing serves.
    With S3, a prefix (``AWS_ARCHIVO_LOCATION``, ``archivo``) of the media bucket or
    of its own (``AWS_ARCHIVO_BUCKET_NAME``, versioning on), never behind the
    custom domain: django-storages signs no custom-domain URL, so every URL is a
    short presigned one (five minutes).
    """
    bucket = env.get("AWS_ARCHIVO_BUCKET_NAME") or env.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {
            "BACKEND": "cms.almacenamiento.AlmacenamientoPrivadoLocal",
            "OPTIONS": {"location": str(env.get("ARCHIVO_ROOT") or carpeta)},
        }
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "signature_version": "s3v4",
        "file_overwrite": False,
        "location": env.get("AWS_ARCHIVO_LOCATION", "archivo"),
    }
    optional = {
        "region_name": "AWS_S3_REGION_NAME",
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
    }
    options.update({opt: env[var] for opt, var in optional.items() if env.get(var)})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def email(url: str | None, carpeta=None) -> dict:
    """Email settings from ``EMAIL_URL`` (``smtp://user:pass@host:587/?tls=True``).

    Without it, each message is written as a file in ``carpeta`` (one ``.log`` per
    sending process), readable with attachments intact, instead of flooding the
    console with base64 PDFs.
    """
    if not url:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(carpeta or "correos"),
        }
    config = dj_email_url.parse(url)
    settings = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": config["EMAIL_HOST"],
        "EMAIL_PORT": config["EMAIL_PORT"],
        "EMAIL_HOST_USER": config["EMAIL_HOST_USER"],
        "EMAIL_HOST_PASSWORD": config["EMAIL_HOST_PASSWORD"],
        "EMAIL_USE_TLS": config["EMAIL_USE_TLS"],
        "EMAIL_USE_SSL": config["EMAIL_USE_SSL"],
    }
    if config.get("EMAIL_TIMEOUT"):
        settings["EMAIL_TIMEOUT"] = config["EMAIL_TIMEOUT"]
    return settings


def csv_list(value: str | None) -> list[str]:
    """Split ``"a, b,c"`` into ``["a", "b", "c"]``."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def media_origins(env: dict) -> list[str]:
    """The origins media URLs point at with S3 (for the CSP); none for local files.

    Mirrors how django-storages builds the URL: the custom domain, else the
    endpoint (path-style), else the bucket's virtual host on AWS.
    """
    bucket = env.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if env.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{env['AWS_S3_CUSTOM_DOMAIN']}"]
    if env.get("AWS_S3_ENDPOINT_URL"):
        partes = urlsplit(env["AWS_S3_ENDPOINT_URL"])
        return [f"{partes.scheme}://{partes.netloc}"]
    origenes = [f"https://{bucket}.s3.amazonaws.com"]
    if env.get("AWS_S3_REGION_NAME"):
        # AWS answers a new bucket's first hours with a redirect to its region.
        origenes.append(
            f"https://{bucket}.s3.{env['AWS_S3_REGION_NAME']}.amazonaws.com"
        )
    return origenes
