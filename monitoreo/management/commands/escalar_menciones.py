"""Escalate overdue channelled mentions (the scheduler calls it every minute)."""

from django.core.management.base import BaseCommand

from monitoreo.seguimiento import escalar_vencidas


class Command(BaseCommand):
    help = (
        "Avisa por correo de lo canalizado sin respuesta: al área y a Coordinación "
        "el día que vence, a la Titular al día siguiente. Cada aviso sale una vez."
    )

    def handle(self, *args, **options):
        enviados = escalar_vencidas()
        if enviados:
            self.stdout.write(f"Avisos de vencimiento enviados: {enviados}.")
