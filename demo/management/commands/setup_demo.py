"""Load the demo institution; running it again changes nothing."""

from base64 import b32encode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import WorkflowState

import demo.archivo
import demo.boletines
import demo.campanas
import demo.home
import demo.indicadores
import demo.media_library
import demo.monitoreo
import demo.sintesis
from boletines.models import BoletinPage, Evento
from boletines.signal_handlers import sin_envios
from cms.dos_pasos import requiere_dos_pasos
from monitoreo.models import Sintesis
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


def clave_dos_pasos_demo(usuario):
    """The demo account's TOTP key (hex), derived from SECRET_KEY like its password."""
    return salted_hmac("cms.setup_demo.totp", usuario, algorithm="sha256").hexdigest()[
        :40
    ]


def codigo_dos_pasos_demo(usuario):
    """The six digits an authenticator app shows now for a demo account."""
    dispositivo = TOTPDevice.objects.get(user__username=usuario, confirmed=True)
    valor = totp(
        dispositivo.bin_key, dispositivo.step, dispositivo.t0, dispositivo.digits
    )
    return str(valor).zfill(dispositivo.digits)


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
        # The history first: each year's folios follow the order of publication.
        if historial:
            with sin_envios():
                demo.boletines.cargar_historial(
                    demo.boletines.cargar_sala(inicio), areas
                )
        sala, borrador = demo.boletines.cargar(inicio, autor=editor, areas=areas)
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
        flujos.asignar_a_modelo(Sintesis, por_nombre["Síntesis informativa"])
        demo.campanas.cargar_programacion(secciones["Campaña"], editor)
        demo.media_library.cargar_programa(editor)
        demo.campanas.cargar_cumplimiento(por_plantel, enlace)
        if historial:  # a real clip takes ffmpeg a few seconds
            demo.media_library.cargar_video(videoteca, areas)
        # The desk: a week of monitoring, after the boletines it covers.
        demo.monitoreo.cargar(
            areas,
            boletin=BoletinPage.objects.live().order_by("-first_published_at").first(),
        )
        demo.monitoreo.cargar_aviso(inicio)
        # Five days of síntesis informativa, after the desk's outlets and list.
        demo.sintesis.cargar()
        demo.indicadores.cargar()
        # The draft waits in Coordinación's queue, submitted once by the editor.
        if not WorkflowState.objects.for_instance(borrador).exists():
            borrador.get_workflow().start(borrador, editor)

        self.stdout.write(self.style.SUCCESS("Institución de demostración lista."))
        self.stdout.write("Usuarios de demostración (usuario / contraseña / rol):")
        for usuario, contrasena, rol in cuentas:
            self.stdout.write(f"  {usuario:<14} {contrasena:<18} {rol}")
        claves = [self._dos_pasos(usuario) for usuario, *_ in cuentas]
        self.stdout.write(
            "Verificación en dos pasos (Titular, Coordinación, Archivo y admin): tras "
            "la contraseña se pide un código. Agrega la clave de la cuenta a una app "
            "de autenticación (FreeOTP, Google Authenticator…) o pide el código del "
            "momento con `manage.py codigo_demo <usuario>`:"
        )
        for usuario, clave in filter(None, claves):
            self.stdout.write(f"  {usuario:<14} {clave}")

    def _dos_pasos(self, username):
        """A demo TOTP device for an account that needs one and has none yet."""
        usuario = get_user_model().objects.get(username=username)
        if not requiere_dos_pasos(usuario):
            return None
        if TOTPDevice.objects.filter(user=usuario, confirmed=True).exists():
            # Like passwords: an existing device is the person's own; never touched.
            dispositivo = TOTPDevice.objects.get(user=usuario, confirmed=True)
            if dispositivo.key != clave_dos_pasos_demo(username):
                return username, "(su propia app, sin cambios)"
        else:
            dispositivo = TOTPDevice.objects.create(
                user=usuario,
                name="Demostración",
                confirmed=True,
                key=clave_dos_pasos_demo(username),
            )
        return username, b32encode(dispositivo.bin_key).decode()

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
        # Only a new account gets the demo password: an existing one keeps its own,
        # whoever set it, every time setup_demo runs again.
        contrasena = contrasena_demo(username)
        if creado:
            usuario.set_password(contrasena)
            usuario.save()
        elif not usuario.check_password(contrasena):
            contrasena = "(la suya, sin cambios)"
        if rol:
            usuario.groups.add(grupos[rol])
        return username, contrasena, rol or "Superusuario"
