"""Start the task worker of the configured backend: database or RQ on Redis."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Inicia el worker de tareas: db_worker con la cola en la base de datos, "
        "rqworker cuando REDIS_URL está definida."
    )

    def handle(self, *args, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_rq.RQBackend":
            call_command("rqworker", "default", job_class="django_tasks_rq.Job")
        else:
            call_command("db_worker")
