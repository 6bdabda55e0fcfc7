"""The smallest institution the admin needs; tests add their own content to it."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from archivo.registry import registrados
from boletines.models import Evento
from home.models import InstitucionSettings
from monitoreo.models import Sintesis
from workflows import flujos
from workflows.roles import aplicar_roles, grupo_de_plantel

from .archivo import SerieDocumentalFactory
from .boletines import BoletinIndexPageFactory
from .campanas import CampanaIndexPageFactory
from .home import AreaFactory, HomePageFactory, PlantelPageFactory, StandardPageFactory
from .media import VideoIndexPageFactory
from .usuarios import UsuarioFactory

# One person per role, with the demo's user names (docs/roles.md).
USUARIOS = {
    "editor": "Editores",
    "enlace": "Enlaces de plantel",
    "coordinacion": "Coordinación",
    "titular": "Titular",
    "archivo": "Archivo",
    "monitoreo": "Monitoreo",
}


@dataclass
class Institucion:
    """What :func:`construir_institucion` built, by name."""

    sitio: Site
    inicio: Page
    sala: Page
    campanas: Page
    videoteca: Page
    planteles: dict = field(default_factory=dict)
    areas: dict = field(default_factory=dict)
    usuarios: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)


def construir_institucion():
    """Site, settings, sections with their workflows, roles, one user per role.

    No boletines, campaigns or media: each test creates what it talks about.
    """
    # Every registered content type opens its record in its series on publication.
    series = {
        r.serie: SerieDocumentalFactory(serie=r.serie, nombre=str(r.tipo))
        for r in registrados()
    }
    raiz = Page.get_first_root_node()
    inicio = HomePageFactory(parent=raiz)
    direccion = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    sitio = Site.objects.get(is_default_site=True)
    bienvenida = sitio.root_page
    sitio.root_page = inicio
    sitio.hostname, sitio.port = direccion.hostname, direccion.port or 80
    sitio.site_name = "CEPRU"
    sitio.save()
    bienvenida.delete()
    ajustes = InstitucionSettings.for_site(sitio)
    ajustes.nombre = "Centro de Estudios Profesionales del Estado"
    ajustes.siglas = "CEPRU"
    ajustes.unidad = "Coordinación de Comunicación Social"
    ajustes.correo = "comunicacion@cepru.gob.mx"
    ajustes.save()

    sala = BoletinIndexPageFactory(parent=inicio)
    campanas = CampanaIndexPageFactory(parent=inicio)
    videoteca = VideoIndexPageFactory(parent=inicio)
    seccion_planteles = StandardPageFactory(
        parent=inicio, title="Planteles", slug="planteles"
    )
    planteles = {
        slug: PlantelPageFactory(parent=seccion_planteles, title=titulo, slug=slug)
        for slug, titulo in (
            ("saltillo", "Plantel Saltillo"),
            ("torreon", "Plantel Torreón"),
        )
    }
    areas = {
        slug: AreaFactory(nombre=nombre, slug=slug)
        for slug, nombre in (
            ("direccion-general", "Dirección General"),
            ("plantel-torreon", "Plantel Torreón"),
        )
    }

    aplicar_roles(inicio)
    usuarios = {"admin": UsuarioFactory(username="admin", superusuario=True)}
    for nombre, rol in USUARIOS.items():
        usuarios[nombre] = UsuarioFactory(username=nombre, rol=rol)
    usuarios["enlace"].groups.add(grupo_de_plantel(planteles["torreon"]))

    por_nombre = flujos.crear_flujos()
    for nombre, seccion in (
        ("Página institucional", inicio),
        ("Boletín", sala),
        ("Campaña", campanas),
        ("Video", videoteca),
        ("Propuesta de plantel", seccion_planteles),
    ):
        flujos.asignar(seccion, por_nombre[nombre])
    flujos.asignar_a_modelo(Evento, por_nombre["Evento de la agenda"])
    flujos.asignar_a_modelo(Sintesis, por_nombre["Síntesis informativa"])

    return Institucion(
        sitio=sitio,
        inicio=inicio,
        sala=sala,
        campanas=campanas,
        videoteca=videoteca,
        planteles=planteles,
        areas=areas,
        usuarios=usuarios,
        series=series,
    )
