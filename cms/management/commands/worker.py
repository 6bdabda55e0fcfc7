"""Start the task worker of the configured backend: database or RQ on Redis."""

import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# django-tasks logs every task start and end at INFO («Task id=… state=RUNNING»):
# about 1,100 lines while the demo loads. They show only with LOG_LEVEL=INFO.
REGISTROS_DE_TAREAS = ("django_tasks", "django_tasks_db")


class _DesdeNivel(logging.Filter):
    """Let through only records at ``nivel`` or above."""

    def __init__(self, nivel):
        super().__init__()
        self.nivel = nivel

    def filter(self, record):
        return record.levelno >= self.nivel


def callar_tareas(nivel=None):
    """Keep the worker's per-task lines below LOG_LEVEL out of the console.

    db_worker sets its loggers to INFO itself; a filter on the loggers survives
    that. Errors of failed tasks still show.
    """
    nivel = logging.getLevelName((nivel or settings.LOG_LEVEL).upper())
    for nombre in REGISTROS_DE_TAREAS:
        registro = logging.getLogger(nombre)
        for filtro in [f for f in registro.filters if isinstance(f, _DesdeNivel)]:
            registro.removeFilter(filtro)
        registro.addFilter(_DesdeNivel(nivel))


class Command(BaseCommand):
    help = (
        "Inicia el worker de tareas: db_worker con la cola en la base de datos, "
        "rqworker cuando REDIS_URL está definida. Una línea por tarea solo con "
        "LOG_LEVEL=INFO."
    )

    def handle(self, *args, **options):
        callar_tareas()
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            call_command("rqworker", "default", job_class="django_tasks_rq.Job")
        else:
            call_command("db_worker")
