"""Fixity: hash every file of the records' store again; report what is missing or
changed. The scheduler runs it weekly (``--si-toca``)."""

import datetime
import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from archivo.deposito import verificar
from archivo.models import VerificacionFijeza

logger = logging.getLogger("archivo.fijeza")

CADA = datetime.timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Vuelve a calcular el SHA-256 de cada archivo del resguardo de registros e "
        "informa los que faltan o cambiaron. El resultado queda en el espacio de "
        "Registros; el programador lo ejecuta cada semana."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--si-toca",
            action="store_true",
            help="Solo si la última verificación tiene más de siete días.",
        )

    def handle(self, *args, si_toca=False, **options):
        if si_toca:
            ultima = VerificacionFijeza.objects.exclude(terminada=None).first()
            if ultima and timezone.now() - ultima.iniciada < CADA:
                return
        corrida = verificar()
        self.stdout.write(
            f"Verificación de registros: {corrida.revisados} archivo(s) revisado(s), "
            f"{len(corrida.faltantes)} faltante(s), {len(corrida.alterados)} "
            "alterado(s)."
        )
        for datos in corrida.faltantes:
            self.stdout.write(f"  FALTA    {datos['sha256']}  {datos['nombre']}")
        for datos in corrida.alterados:
            self.stdout.write(
                f"  ALTERADO {datos['sha256']}  {datos['nombre']} "
                f"(ahora {datos['encontrado']})"
            )
        if corrida.versionado and corrida.versionado != "Enabled":
            self.stdout.write(
                f"  AVISO    la cubeta del resguardo no tiene el versionado activo "
                f"({corrida.versionado})."
            )
        if not corrida.correcta:
            # The scheduler must go on; the log and the workspace carry the alarm.
            logger.error(
                "Resguardo de registros: %s faltante(s), %s alterado(s)",
                len(corrida.faltantes),
                len(corrida.alterados),
            )
