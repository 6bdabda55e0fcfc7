"""The demo institution: its site, settings, home page and institutional pages."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import Area, HomePage, InstitucionSettings, PlantelPage, StandardPage

INSTITUCION = {
    "nombre": "Colegio de Educación Tecnológica del Estado de Coahuila",
    "siglas": "CETEC",
    "unidad": "Coordinación de Comunicación Social",
    "color_primario": "#6a1b31",
    "color_secundario": "#bc955c",
    "direccion": (
        "Blvd. Venustiano Carranza 2845, Col. República\nSaltillo, Coahuila, C.P. 25280"
    ),
    "telefono": "844 411 2300",
    "correo": "comunicacion@cetec.edu.mx",
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


def cargar_sitio(logo=None):
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
        ajustes.save()

    hija(
        inicio,
        StandardPage,
        "quienes-somos",
        title="Quiénes somos",
        show_in_menus=True,
        cuerpo=RichText(
            "<p>El CETEC es un organismo público descentralizado que imparte "
            "educación media superior tecnológica en 12 planteles del estado.</p>"
            "<p>La Coordinación de Comunicación Social difunde sus actividades, "
            "atiende a los medios y resguarda la memoria institucional.</p>"
        ),
    )
    return sitio, inicio


PLANTELES = [
    ("saltillo", "Plantel Saltillo", "Mtra. Rosa Elena Flores Dávila"),
    ("torreon", "Plantel Torreón", "Ing. Héctor Manuel Rivas Soto"),
    ("monclova", "Plantel Monclova", "Lic. Adriana Cepeda Garza"),
]


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
    planteles = {
        slug: hija(seccion, PlantelPage, slug, title=titulo, director=director)[0]
        for slug, titulo, director in PLANTELES
    }
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
