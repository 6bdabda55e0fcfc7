"""Each service switches from its embedded default to the real one by variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.search.backends import get_search_backend

from cms.settings import base, environment

RAIZ = Path(__file__).resolve().parents[2]


def test_base_settings_are_safe_and_mexican():
    assert base.DEBUG is False
    assert base.LANGUAGE_CODE == "es-mx"
    assert base.TIME_ZONE == "America/Mexico_City"
    assert base.USE_TZ is True
    # The demo institution and its fixed passwords never reach production.
    assert "demo" not in base.INSTALLED_APPS


def test_database_defaults_to_a_sqlite_file_in_the_project(tmp_path):
    config = environment.database(None, tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "db.sqlite3"


def test_database_url_selects_postgresql(tmp_path):
    config = environment.database(
        "postgres://cms:secreto@db.interna:5433/comunicacion", tmp_path / "x"
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == (
        "db.interna",
        5433,
        "comunicacion",
    )
    assert (config["USER"], config["PASSWORD"]) == ("cms", "secreto")


def test_without_redis_the_cache_is_local_memory_and_tasks_use_the_database():
    assert environment.caches(None)["default"]["BACKEND"].endswith("LocMemCache")
    assert environment.tasks(None)["default"]["BACKEND"] == (
        "django_tasks_db.DatabaseBackend"
    )
    assert environment.rq_queues(None) == {}


def test_redis_url_selects_redis_cache_and_rq_tasks():
    url = "redis://cache.interna:6379/2"
    assert environment.caches(url)["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "cms",
    }
    assert environment.tasks(url)["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert environment.rq_queues(url)["default"]["URL"] == url


def test_search_defaults_to_the_database_backend():
    config = environment.search_backends(None)
    assert config["default"]["BACKEND"] == "search.backends.database"
    assert config["default"]["SEARCH_CONFIG"] == "spanish_unaccent"


def test_elasticsearch_analyses_spanish_and_keeps_the_database_as_fallback():
    config = environment.search_backends("http://es.interna:9200")
    analisis = config["default"]["INDEX_SETTINGS"]["settings"]["analysis"]
    assert "asciifolding" in analisis["analyzer"]["default"]["filter"]
    assert analisis["filter"]["espanol_raiz"]["language"] == "light_spanish"
    assert config["database"]["BACKEND"] == "search.backends.database"


def test_elasticsearch_url_builds_wagtails_elasticsearch8_backend_offline():
    config = environment.search_backends("http://es.interna:9200")["default"]
    backend = get_search_backend("default", **config)
    assert type(backend).__name__ == "Elasticsearch8SearchBackend"
    hosts = [str(node) for node in backend.es.transport.node_pool.all()]
    assert any("es.interna:9200" in host for host in hosts)


def test_storage_defaults_to_local_files():
    config = environment.default_storage({})
    assert config["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_bucket_variables_select_a_private_s3_storage_with_presigned_urls():
    config = environment.default_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": "medios",
            "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "clave",
            "AWS_SECRET_ACCESS_KEY": "secreto",
        }
    )
    options = config["OPTIONS"]
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "medios"
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["default_acl"] is None
    assert options["querystring_auth"] is True
    assert options["signature_version"] == "s3v4"
    assert options["file_overwrite"] is False


def test_email_defaults_to_files_and_email_url_selects_smtp(tmp_path):
    sin_url = environment.email(None, tmp_path)
    assert sin_url["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert sin_url["EMAIL_FILE_PATH"] == str(tmp_path)
    config = environment.email("submission://prensa:clave@smtp.interna:587")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("smtp.interna", 587)
    assert config["EMAIL_USE_TLS"] is True
    assert config["EMAIL_HOST_USER"] == "prensa"


def _manage(*args, **variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=RAIZ,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    resultado = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="k" * 20 + "una-clave-larga-y-aleatoria-de-produccion-9f8e7d6c5b",
        ALLOWED_HOSTS="comunicacion.example.gob.mx",
    )
    assert resultado.returncode == 0, resultado.stderr
    assert "no issues" in resultado.stdout


@pytest.mark.parametrize("falta", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_required_variables(falta):
    variables = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "comunicacion.example.gob.mx",
    }
    del variables[falta]
    resultado = _manage("check", **variables)
    assert resultado.returncode != 0
    assert f"Falta la variable de entorno {falta}" in resultado.stderr


def test_test_settings_load_with_a_sqlite_database_url(tmp_path):
    """The bench scripts run the test settings on a SQLite file of their own."""
    resultado = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'bench.db'}",
    )
    assert resultado.returncode == 0, resultado.stderr
