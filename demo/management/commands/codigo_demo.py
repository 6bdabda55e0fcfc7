"""The current two-step code of a demo account (dev and test only: the demo app)."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from .setup_demo import codigo_dos_pasos_demo


class Command(BaseCommand):
    help = "Imprime el código de verificación en dos pasos vigente de una cuenta."

    def add_arguments(self, parser):
        parser.add_argument("usuario")

    def handle(self, *args, usuario, **options):
        try:
            self.stdout.write(codigo_dos_pasos_demo(usuario))
        except TOTPDevice.DoesNotExist as error:
            raise CommandError(
                f"«{usuario}» no tiene verificación en dos pasos configurada."
            ) from error
