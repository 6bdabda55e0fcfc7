"""List the Wagtail and django-axes msgids still untranslated; compile the catalogue."""

from django.core.management.base import BaseCommand

from cms import traducciones


class Command(BaseCommand):
    help = (
        "Lista los textos de Wagtail y django-axes que ningún catálogo traduce "
        "(después de actualizar Wagtail) o, con --compilar, compila "
        "cms/locale/es_MX a .mo sin necesitar msgfmt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--compilar", action="store_true", help="Compila los .po del proyecto."
        )
        parser.add_argument(
            "--idioma",
            help="Idioma que se revisa (de forma predeterminada, LANGUAGE_CODE).",
        )

    def handle(self, *args, compilar=False, idioma=None, **options):
        if compilar:
            for mo in traducciones.compilar():
                self.stdout.write(f"Compilado: {mo}")
            return
        faltan = traducciones.pendientes(idioma)
        for p in faltan:
            contexto = f" [{p.msgctxt}]" if p.msgctxt else ""
            self.stdout.write(f"{p.app} {p.dominio}{contexto}: {p.msgid!r}")
        self.stdout.write(f"{len(faltan)} textos sin traducir.")
