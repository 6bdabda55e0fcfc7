"""The demo institution: its site, settings, home page and institutional pages."""

from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import (
    Area,
    HomePage,
    InstitucionSettings,
    PlantelPage,
    PropuestaPage,
    StandardPage,
)

INSTITUCION = {
    "nombre": "Colegio de Educación Tecnológica del Estado de Coahuila",
    "siglas": "CETEC",
    "unidad": "Coordinación de Comunicación Social",
    "color_primario": "#6a1b31",
    "color_secundario": "#bc955c",
    "direccion": (
        "Blvd. Venustiano Carranza 2845, Col. República\nSaltillo, Coahuila, C.P. 25280"
    ),
    "telefono": "844 411 2300, 844 411 2301",
    "horario": "Lunes a viernes de 8:00 a 16:00 h",
    "correo": "comunicacion@cetec.edu.mx",
    "aviso_privacidad": "/aviso-de-privacidad/",
    "transparencia": "/transparencia/",
    "facebook": "https://www.facebook.com/CETECCoahuila",
    "x": "https://x.com/CETECCoahuila",
    "instagram": "https://www.instagram.com/cetec.coahuila",
    "youtube": "https://www.youtube.com/@CETECCoahuila",
}


def publicar(pagina, usuario=None):
    """Save a revision of ``pagina`` and publish it."""
    pagina.save_revision(user=usuario, log_action=True).publish(user=usuario)
    return pagina


def hija(padre, modelo, slug, **campos):
    """The child of ``padre`` with ``slug``: created and published only if missing."""
    existente = padre.get_children().filter(slug=slug).first()
    if existente:
        return existente.specific, False
    etiquetas = campos.pop("tags", [])
    pagina = modelo(slug=slug, **campos)
    if etiquetas:
        pagina.tags.add(*etiquetas)  # kept in the cluster until add_child saves
    padre.add_child(instance=pagina)
    return publicar(pagina), True


QUIENES_SOMOS = """
<p>El Colegio de Educación Tecnológica del Estado de Coahuila (CETEC) es un organismo
público descentralizado del Gobierno del Estado que imparte educación media superior
tecnológica en 12 planteles, de Piedras Negras a Torreón. Cada año forma a más de
9,000 estudiantes como técnicos profesionales y bachilleres.</p>
<h2>Misión</h2>
<p>Formar técnicos bachilleres competentes, con valores y sentido social, que se
integren al sector productivo o continúen sus estudios superiores.</p>
<h2>Visión</h2>
<p>Ser la institución de educación media superior tecnológica de referencia en el
norte del país por la calidad de sus egresados y su vínculo con la industria.</p>
<h2>Directorio</h2>
{directorio}
<h2>Contacto</h2>
<p>Blvd. Venustiano Carranza 2845, Col. República, Saltillo, Coahuila, C.P. 25280.
Lunes a viernes de 8:00 a 16:00 h. Prensa:
<a href="mailto:prensa@cetec.edu.mx">prensa@cetec.edu.mx</a>.</p>
"""
DIRECTORIO = [
    ("Director General", "Mtro. Jorge Alberto Treviño Salinas", "100"),
    ("Directora de Vinculación", "Lic. María Fernanda Ruiz Cárdenas", "130"),
    ("Director Académico", "Dr. Ernesto Valdés Ramos", "140"),
    ("Coordinadora de Comunicación Social", "Lic. Laura Mendoza Aguirre", "120"),
]
QUIENES_SOMOS = QUIENES_SOMOS.format(
    # A list, not a table: Wagtail's rich text editor keeps lists.
    directorio="<ul>"
    + "".join(
        f"<li><b>{cargo}</b>: {nombre}, 844 411 2300 ext. {ext}</li>"
        for cargo, nombre, ext in DIRECTORIO
    )
    + "</ul>"
)
AVISO_DE_PRIVACIDAD = """
<p>El CETEC, con domicilio en Blvd. Venustiano Carranza 2845, Saltillo, Coahuila, es
responsable del tratamiento de los datos personales que se recaban por este sitio,
conforme a la Ley de Protección de Datos Personales en Posesión de Sujetos
Obligados.</p>
<p>Este sitio no pide datos personales para consultarse. Los datos que nos envíes por
correo (nombre y medio de contacto) se usan solo para responder tu solicitud y no se
transfieren a terceros.</p>
<p>Puedes ejercer tus derechos de acceso, rectificación, cancelación y oposición en la
Unidad de Transparencia del CETEC.</p>
"""

TRANSPARENCIA = """
<p>Consulta las obligaciones de transparencia del CETEC en la Plataforma Nacional de
Transparencia y en el portal de transparencia del Gobierno del Estado.</p>
<p>Unidad de Transparencia: Lic. Sofía Guerra Lozano, 844 411 2300 ext. 150,
transparencia@cetec.edu.mx.</p>
"""


def cargar_sitio(logo=None, logo_gobierno=None):
    """The home page as the default site's root, and the institution's settings."""
    raiz = Page.get_first_root_node()
    inicio = HomePage.objects.first()
    if inicio is None:
        inicio, _ = hija(
            raiz,
            HomePage,
            "inicio",
            title="Comunicación Social del CETEC",
            presentacion=RichText(
                "<p>Noticias, campañas y videos del Colegio de Educación Tecnológica "
                "del Estado de Coahuila y de sus planteles.</p>"
            ),
        )
    # The site's address is where links in e-mails point (make run: port 8000).
    direccion = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    anfitrion = direccion.hostname or "localhost"
    puerto = direccion.port or (443 if direccion.scheme == "https" else 80)
    sitio = Site.objects.filter(is_default_site=True).first()
    if sitio is None:
        sitio = Site.objects.create(
            hostname=anfitrion,
            port=puerto,
            root_page=inicio,
            is_default_site=True,
            site_name=INSTITUCION["siglas"],
        )
    elif sitio.root_page_id != inicio.pk:
        bienvenida = sitio.root_page
        sitio.root_page = inicio
        sitio.site_name = INSTITUCION["siglas"]
        sitio.hostname, sitio.port = anfitrion, puerto
        sitio.save()
        # Wagtail's placeholder "Welcome" page, if nothing was built under it.
        if type(bienvenida.specific) is Page and not bienvenida.get_children().exists():
            bienvenida.delete()

    ajustes = InstitucionSettings.for_site(sitio)
    if not ajustes.nombre:
        for campo, valor in INSTITUCION.items():
            setattr(ajustes, campo, valor)
        ajustes.logo = logo
        ajustes.logo_gobierno = logo_gobierno
        ajustes.save()

    hija(
        inicio,
        StandardPage,
        "quienes-somos",
        title="Quiénes somos",
        show_in_menus=True,
        search_description="Misión, visión, directorio y contacto del CETEC.",
        cuerpo=RichText(QUIENES_SOMOS),
    )
    hija(
        inicio,
        StandardPage,
        "aviso-de-privacidad",
        title="Aviso de privacidad",
        cuerpo=RichText(AVISO_DE_PRIVACIDAD),
    )
    hija(
        inicio,
        StandardPage,
        "transparencia",
        title="Transparencia",
        cuerpo=RichText(TRANSPARENCIA),
    )
    return sitio, inicio


PLANTELES = [
    ("saltillo", "Plantel Saltillo", "Mtra. Rosa Elena Flores Dávila"),
    ("torreon", "Plantel Torreón", "Ing. Héctor Manuel Rivas Soto"),
    ("monclova", "Plantel Monclova", "Lic. Adriana Cepeda Garza"),
]
DATOS_DE_PLANTEL = {
    "saltillo": (
        "Calz. Antonio Narro 1500, Col. Saltillo 400\nSaltillo, Coahuila, C.P. 25290",
        "Especialidades en programación, contabilidad y mantenimiento industrial. "
        "Turnos matutino y vespertino, con 1,450 estudiantes.",
        [
            (
                6,
                "Feria de proyectos de programación",
                "Veinte equipos presentan aplicaciones hechas en el semestre.",
            ),
            (
                20,
                "Jornada de limpieza del arroyo del Pueblo",
                "Estudiantes y docentes retiran dos toneladas de basura.",
            ),
        ],
    ),
    "torreon": (
        "Blvd. Revolución 3300, Col. Torreón Jardín\nTorreón, Coahuila, C.P. 27200",
        "Especialidades en mecatrónica, soldadura y electricidad, con talleres "
        "renovados en 2026. 1,200 estudiantes.",
        [
            (
                3,
                "Exhibición del equipo de robótica",
                "El equipo campeón muestra su robot a estudiantes de secundaria.",
            ),
            (
                15,
                "Curso de soldadura para padres de familia",
                "Taller abierto los sábados de octubre.",
            ),
        ],
    ),
    "monclova": (
        "Carr. 57 km 4.5, Col. Industrial\nMonclova, Coahuila, C.P. 25750",
        "Especialidades en soldadura y procesos de manufactura, en alianza con la "
        "industria acerera de la región. 980 estudiantes.",
        [
            (
                9,
                "Entrega de certificados de competencia laboral",
                "Cuarenta estudiantes certifican su oficio en soldadura.",
            ),
            (
                27,
                "Visita guiada a la planta siderúrgica",
                "Grupos de quinto semestre conocen la línea de producción.",
            ),
        ],
    ),
}


def cargar_planteles(inicio):
    """The campuses' sections, under an institutional page "Planteles"."""
    seccion, _ = hija(
        inicio,
        StandardPage,
        "planteles",
        title="Planteles",
        show_in_menus=True,
        cuerpo=RichText("<p>Los planteles del CETEC y sus actividades.</p>"),
    )
    planteles = {}
    hoy = date.today()
    for slug, titulo, director in PLANTELES:
        direccion, presentacion, actividades = DATOS_DE_PLANTEL[slug]
        plantel, _ = hija(
            seccion,
            PlantelPage,
            slug,
            title=titulo,
            director=director,
            direccion=direccion,
            search_description=presentacion[:120],
            presentacion=RichText(f"<p>{presentacion}</p>"),
        )
        for dias, nombre, resumen in actividades:
            hija(
                plantel,
                PropuestaPage,
                slugify(nombre),
                title=nombre,
                fecha=hoy - timedelta(days=dias),
                search_description=resumen,
                descripcion=RichText(f"<p>{resumen}</p>"),
            )
        planteles[slug] = plantel
    return seccion, planteles


AREAS = [
    ("Dirección General", "direccion-general"),
    ("Dirección de Vinculación", "vinculacion"),
    ("Dirección Académica", "academica"),
    ("Plantel Saltillo", "plantel-saltillo"),
    ("Plantel Torreón", "plantel-torreon"),
    ("Plantel Monclova", "plantel-monclova"),
]


def cargar_areas():
    """The organisational units that originate content, by slug."""
    return {
        slug: Area.objects.get_or_create(slug=slug, defaults={"nombre": nombre})[0]
        for nombre, slug in AREAS
    }
