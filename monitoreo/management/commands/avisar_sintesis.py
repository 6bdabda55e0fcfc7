"""At 9:00, alert Monitoreo and the head if today's síntesis is not approved
(the scheduler calls it every minute; the alert goes once a day)."""

from django.core.management.base import BaseCommand

from monitoreo.sintesis import avisar_si_falta


class Command(BaseCommand):
    help = (
        "Desde las 9:00 (hora de la Ciudad de México), si la síntesis informativa "
        "del día no está autorizada, avisa por correo a Monitoreo y a la jefatura. "
        "Un aviso por día."
    )

    def handle(self, *args, **options):
        aviso = avisar_si_falta()
        if aviso is not None:
            self.stdout.write(f"Aviso de síntesis pendiente enviado: {aviso}.")
