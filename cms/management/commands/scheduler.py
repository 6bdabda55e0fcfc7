"""Run ``publish_scheduled``, ``enviar_agenda`` and the monitoring desk's commands
every minute, and the records' fixity check weekly (``verificar_registros
--si-toca``), with no cron job."""

import signal
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

CLAVE_TURNO = "cms:scheduler:turno"


class Command(BaseCommand):
    help = (
        "Publica y despublica cada minuto lo programado (publish_scheduled de "
        "Wagtail); los lunes, envía la agenda semanal; cada semana, verifica el "
        "resguardo de registros. Se inicia junto con el worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Una sola pasada, y termina."
        )
        parser.add_argument(
            "--interval",
            type=int,
            default=settings.SCHEDULER_INTERVAL_SECONDS,
            help="Segundos entre pasadas (60 por omisión).",
        )

    def handle(self, *args, once=False, interval=60, **options):
        self.detener = False
        if once:
            self.pasada(interval)
            return
        signal.signal(signal.SIGTERM, self._detener)
        self.stdout.write(f"Programador activo: publish_scheduled cada {interval} s.")
        while not self.detener:
            # A long-lived process: drop a connection the database closed while
            # it slept, as Django does around every request.
            close_old_connections()
            self.pasada(interval)
            close_old_connections()
            self._esperar(interval)

    def pasada(self, interval):
        """One run of ``publish_scheduled``, skipped if another scheduler just ran."""
        # With a shared cache (Redis) a second scheduler process skips its turn
        # instead of publishing the same revisions twice.
        if not cache.add(CLAVE_TURNO, "1", timeout=max(interval - 5, 1)):
            return
        call_command("publish_scheduled", stdout=self.stdout)
        call_command("enviar_agenda", stdout=self.stdout)
        # Overdue channelled mentions; feeds due for a read (each knows its turn).
        call_command("escalar_menciones", stdout=self.stdout)
        call_command("revisar_canales", stdout=self.stdout)
        # The síntesis: the 9:00 alert if not approved; scans past their 7 days.
        call_command("avisar_sintesis", stdout=self.stdout)
        call_command("limpiar_escaneos", stdout=self.stdout)
        # The command itself knows whether a week has passed since the last run.
        call_command("verificar_registros", "--si-toca", stdout=self.stdout)

    def _esperar(self, segundos):
        limite = time.monotonic() + segundos
        while not self.detener and time.monotonic() < limite:
            time.sleep(min(1, limite - time.monotonic()))

    def _detener(self, *args):
        self.detener = True
