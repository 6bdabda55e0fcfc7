"""Background work runs through django-tasks on the configured queue."""

import logging
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django_tasks import task_backends
from django_tasks.base import TaskResultStatus
from wagtail.tasks import delete_file_from_storage_task

from cms.management.commands.worker import callar_tareas
from cms.settings import environment

RAIZ = Path(__file__).resolve().parents[2]


def _archivo_temporal():
    nombre = default_storage.save("temporal/borrar.txt", ContentFile(b"x"))
    assert default_storage.exists(nombre)
    return nombre


def test_tests_run_tasks_immediately(db):
    assert type(task_backends["default"]).__name__ == "ImmediateBackend"
    nombre = _archivo_temporal()
    delete_file_from_storage_task.enqueue(default_storage.deconstruct(), nombre)
    assert not default_storage.exists(nombre)


def test_by_default_tasks_wait_in_the_database_until_the_db_worker_runs(
    base_transaccional, settings
):
    # Transactional: the worker commits and closes connections as in production.
    settings.TASKS = environment.tasks(None)
    nombre = _archivo_temporal()

    resultado = delete_file_from_storage_task.enqueue(
        default_storage.deconstruct(), nombre
    )
    assert default_storage.exists(nombre), "nothing runs before the worker"

    call_command("db_worker", batch=True, reload=False, startup_delay=False)

    assert not default_storage.exists(nombre)
    resultado.refresh()
    assert resultado.status == TaskResultStatus.SUCCESSFUL


def _redis_disponible():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(
    not _redis_disponible(), reason="Redis no responde en 127.0.0.1:6379"
)
def test_with_redis_url_tasks_go_through_rq_and_its_worker(tmp_path):
    """A real Redis: the RQ backend queues the task and ``rqworker`` runs it."""
    # Databases 13 and 14 of the machine's Redis, away from a developer's own
    # queue; one per pass, as make test runs the SQLite and PostgreSQL passes at once.
    redis_url = f"redis://127.0.0.1:6379/{13 if connection.vendor == 'sqlite' else 14}"
    media = tmp_path / "media"
    objetivo = media / "temporal" / "borrar.txt"
    objetivo.parent.mkdir(parents=True)
    objetivo.write_text("x")
    entorno = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media),
    }
    encolar = (
        "import django; django.setup();"
        "from django.core.cache import cache;"
        "from django.core.files.storage import default_storage as s;"
        "from django_tasks import task_backends;"
        "from wagtail.tasks import delete_file_from_storage_task as t;"
        "import django_rq;"
        "q = django_rq.get_queue('default'); q.empty();"
        "cache.set('prueba-redis', 'sí'); assert cache.get('prueba-redis') == 'sí';"
        "print(type(task_backends['default']).__name__);"
        "t.enqueue(s.deconstruct(), 'temporal/borrar.txt');"
        "print(q.count)"
    )
    salida = subprocess.run(
        [sys.executable, "-c", encolar],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        # Starting Django took over a minute with both passes and a browser busy.
        timeout=240,
    )
    assert salida.returncode == 0, salida.stderr
    assert salida.stdout.split() == ["RQBackend", "1"]
    assert objetivo.exists(), "the task waits in Redis for a worker"

    trabajador = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "rqworker",
            "default",
            "--burst",
            "--job-class",
            "django_tasks_rq.Job",
        ],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert trabajador.returncode == 0, trabajador.stderr
    assert not objetivo.exists()


def test_the_worker_writes_one_line_per_task_only_with_log_level_info(db, caplog):
    registro = logging.getLogger("django_tasks")
    registro.setLevel(logging.INFO)  # as db_worker sets it
    caplog.set_level(logging.INFO, logger="django_tasks")

    callar_tareas("WARNING")
    registro.info("Task id=1 path=x state=RUNNING")
    registro.error("Task id=2 failed")
    assert [r.getMessage() for r in caplog.records] == ["Task id=2 failed"]

    caplog.clear()
    callar_tareas("INFO")
    registro.info("Task id=3 state=RUNNING")
    assert [r.getMessage() for r in caplog.records] == ["Task id=3 state=RUNNING"]
    callar_tareas("WARNING")
