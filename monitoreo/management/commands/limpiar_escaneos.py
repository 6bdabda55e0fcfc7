"""Delete the full-page scans no clipping uses, 7 days after upload (P04 keeps the
paper 7 days; the scheduler calls it every minute, a no-op most of the time)."""

from django.core.management.base import BaseCommand

from monitoreo.sintesis import limpiar_escaneos


class Command(BaseCommand):
    help = (
        "Borra las páginas escaneadas de más de 7 días que ningún recorte usa, "
        "con su archivo."
    )

    def handle(self, *args, **options):
        borradas = limpiar_escaneos()
        if borradas:
            self.stdout.write(f"Páginas escaneadas borradas: {borradas}.")
