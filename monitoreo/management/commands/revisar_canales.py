"""Enqueue the reading of the due RSS/Atom feeds (the scheduler calls it)."""

from django.core.management.base import BaseCommand

from monitoreo.fuentes import canales_pendientes
from monitoreo.tasks import revisar_canales_task


class Command(BaseCommand):
    help = (
        "Encola la lectura de los canales RSS/Atom de los medios que ya toca revisar."
    )

    def handle(self, *args, **options):
        ids = list(canales_pendientes().values_list("pk", flat=True))
        if ids:
            revisar_canales_task.enqueue(ids)
            self.stdout.write(f"Canales por revisar: {len(ids)}.")
