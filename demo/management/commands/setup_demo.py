"""Load the demo institution; running it again changes nothing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.models import WorkflowState

import demo.archivo
import demo.boletines
import demo.campanas
import demo.home
import demo.media_library
import demo.monitoreo
from boletines.models import BoletinPage, Evento
from boletines.signal_handlers import sin_envios
from workflows import flujos
from workflows.roles import aplicar_roles, grupo_de_plantel

# One person per role, as in the manuals' organisation charts.
USUARIOS = [
    ("admin", "Administración", "del sistema", None),
    ("editor", "Ana", "López Treviño", "Editores"),
    ("enlace", "Jorge", "Ramírez Saucedo", "Enlaces de plantel"),  # Torreón
    ("coordinacion", "Laura", "Mendoza Aguirre", "Coordinación"),
    ("titular", "Patricia", "Valdés Garza", "Titular"),
    ("archivo", "Miguel", "Hernández Cruz", "Archivo"),
    ("monitoreo", "Sofía", "Castillo Ríos", "Monitoreo"),
    ("area", "Ernesto", "Villarreal Soto", "Áreas responsables"),  # Vinculación
]


def contrasena_demo(usuario):
    """A password derived from SECRET_KEY: stable across runs, secret per install."""
    digest = salted_hmac("cms.setup_demo", usuario, algorithm="sha256").hexdigest()
    return f"Demo-{digest[:12]}"


class Command(BaseCommand):
    help = (
        "Carga la institución de demostración: sitio, ajustes, roles, usuarios y "
        "contenido. Se puede ejecutar varias veces sin duplicar nada."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sin-historial",
            dest="historial",
            action="store_false",
            help="Sin los 26 boletines de dos años atrás (pruebas más rápidas).",
        )

    @transaction.atomic
    def handle(self, *args, historial=True, **options):
        # The catalogue first: every publication below opens a record in it.
        demo.archivo.cargar_series(demo.home.INSTITUCION["siglas"])
        logo = demo.media_library.logo_demo(
            demo.home.INSTITUCION["siglas"], demo.home.INSTITUCION["color_primario"]
        )
        sitio, inicio = demo.home.cargar_sitio(logo, demo.media_library.escudo_demo())
        grupos = aplicar_roles(inicio)
        cuentas = [self._usuario(*datos, grupos) for datos in USUARIOS]
        editor = get_user_model().objects.get(username="editor")
        planteles, por_plantel = demo.home.cargar_planteles(inicio)
        # The demo enlace works for the Torreón campus.
        enlace = get_user_model().objects.get(username="enlace")
        enlace.groups.add(grupo_de_plantel(por_plantel["torreon"]))

        areas = demo.home.cargar_areas()
        # The current boletines go out to the media lists; past ones went long ago.
        demo.boletines.cargar_listas()
        sala, borrador = demo.boletines.cargar(inicio, autor=editor, areas=areas)
        if historial:
            with sin_envios():
                demo.boletines.cargar_historial(sala, areas)
        demo.boletines.cargar_agenda(inicio, areas)
        videoteca = demo.media_library.cargar_videoteca(inicio)
        demo.media_library.cargar_galeria(inicio, areas)
        secciones = {
            "Página institucional": inicio,
            "Boletín": sala,
            "Campaña": demo.campanas.cargar(inicio, timezone.localdate().year),
            "Video": videoteca,
            "Propuesta de plantel": planteles,
        }
        por_nombre = flujos.crear_flujos()
        for nombre, seccion in secciones.items():
            flujos.asignar(seccion, por_nombre[nombre])
        flujos.asignar_a_modelo(Evento, por_nombre["Evento de la agenda"])
        demo.campanas.cargar_programacion(secciones["Campaña"], editor)
        demo.campanas.cargar_cumplimiento(por_plantel, enlace)
        if historial:  # a real clip takes ffmpeg a few seconds
            demo.media_library.cargar_video(videoteca, areas)
        # The desk: a week of monitoring, after the boletines it covers.
        demo.monitoreo.cargar(
            areas,
            boletin=BoletinPage.objects.live().order_by("-first_published_at").first(),
        )
        demo.monitoreo.cargar_aviso(inicio)
        # The draft waits in Coordinación's queue, submitted once by the editor.
        if not WorkflowState.objects.for_instance(borrador).exists():
            borrador.get_workflow().start(borrador, editor)

        self.stdout.write(self.style.SUCCESS("Institución de demostración lista."))
        self.stdout.write("Usuarios de demostración (usuario / contraseña / rol):")
        for usuario, contrasena, rol in cuentas:
            self.stdout.write(f"  {usuario:<14} {contrasena:<18} {rol}")

    def _usuario(self, username, nombre, apellidos, rol, grupos):
        User = get_user_model()
        usuario, creado = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": nombre,
                "last_name": apellidos,
                "email": f"{username}@cetec.edu.mx",
                "is_staff": rol is None,
                "is_superuser": rol is None,
            },
        )
        contrasena = contrasena_demo(username)
        if creado or not usuario.check_password(contrasena):
            usuario.set_password(contrasena)
            usuario.save()
        if rol:
            usuario.groups.add(grupos[rol])
        return username, contrasena, rol or "Superusuario"
