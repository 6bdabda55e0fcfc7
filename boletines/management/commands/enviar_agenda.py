"""Send this week's agenda to the default list, if it is due and not yet sent."""

from django.core.management.base import BaseCommand

from boletines.distribucion import agenda_pendiente


class Command(BaseCommand):
    help = (
        "Envía la agenda semanal a la lista predeterminada si ya es lunes a la hora "
        "de envío y aún no se envió esta semana. El programador lo ejecuta en cada "
        "pasada."
    )

    def handle(self, *args, **options):
        if agenda_pendiente():
            self.stdout.write("Agenda semanal enviada a la lista predeterminada.")
