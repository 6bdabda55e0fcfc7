"""``setup_demo`` loads a usable institution, and running it again changes nothing."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
)

from boletines.models import BoletinIndexPage, BoletinPage
from campanas.models import CampanaIndexPage, CampanaPage
from demo.management.commands.setup_demo import contrasena_demo
from home.models import HomePage, InstitucionSettings
from media_library.models import Imagen, VideoIndexPage
from workflows.roles import ROLES

ROLES_DEL_DOMINIO = {
    "Editores",
    "Enlaces de plantel",
    "Coordinación",
    "Titular",
    "Archivo",
    "Monitoreo",
    "Áreas responsables",
}


def _foto_de_la_base():
    """Everything setup_demo writes, in a comparable form."""
    User = get_user_model()
    return {
        "paginas": list(
            Page.objects.order_by("path").values_list(
                "pk", "path", "slug", "live", "latest_revision_id"
            )
        ),
        "revisiones": Revision.objects.count(),
        "imagenes": list(Imagen.objects.order_by("pk").values_list("pk", "file")),
        "usuarios": list(
            User.objects.order_by("pk").values_list("username", "password")
        ),
        "miembros": sorted(
            User.groups.through.objects.values_list("user_id", "group_id")
        ),
        "grupos": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "permisos_pagina": GroupPagePermission.objects.count(),
        "permisos_coleccion": GroupCollectionPermission.objects.count(),
        "sitios": list(Site.objects.values_list("pk", "root_page_id")),
        "ajustes": list(InstitucionSettings.objects.values()),
    }


def test_running_setup_demo_twice_changes_nothing(db):
    call_command("setup_demo", stdout=StringIO())
    antes = _foto_de_la_base()
    call_command("setup_demo", stdout=StringIO())
    assert _foto_de_la_base() == antes

    # The full demo: a newsroom with two years of boletines, all classified.
    vivos = BoletinPage.objects.live()
    assert vivos.count() >= 30
    assert len({b.fecha.year for b in vivos}) >= 2
    assert not vivos.filter(area=None).exists()
    assert not vivos.filter(tagged_items=None).exists()


def test_setup_demo_prints_every_demo_user_with_a_password_that_works(db):
    salida = StringIO()
    # The archive of past years changes nothing of the accounts it prints.
    call_command("setup_demo", "--sin-historial", stdout=salida)
    texto = salida.getvalue()
    User = get_user_model()
    for username in ["admin", "editor", "enlace", "coordinacion", "titular"]:
        contrasena = contrasena_demo(username)
        assert f"{username}" in texto and contrasena in texto
        assert User.objects.get(username=username).check_password(contrasena)


def test_demo_users_belong_to_the_seven_roles_of_the_domain(demo_compartida):
    assert {rol.nombre for rol in ROLES} == ROLES_DEL_DOMINIO
    User = get_user_model()
    for rol in ROLES_DEL_DOMINIO:
        grupo = Group.objects.get(name=rol)
        assert grupo.permissions.filter(codename="access_admin").exists()
        assert User.objects.filter(groups=grupo).count() == 1
    assert User.objects.get(username="admin").is_superuser


def test_demo_site_has_the_institution_settings_and_sections(demo_compartida):
    sitio = Site.objects.get(is_default_site=True)
    inicio = sitio.root_page.specific
    assert isinstance(inicio, HomePage)
    ajustes = InstitucionSettings.for_site(sitio)
    assert ajustes.nombre.startswith("Colegio de Educación Tecnológica")
    assert ajustes.logo is not None and ajustes.logo.file.size > 0
    assert ajustes.facebook and ajustes.x
    secciones = {type(p.specific) for p in inicio.get_children().live()}
    assert {BoletinIndexPage, CampanaIndexPage, VideoIndexPage} <= secciones
    assert CampanaPage.objects.live().count() >= 2


def test_demo_boletines_are_spanish_and_carry_one_to_five_photos_with_alt_text(
    demo_compartida,
):
    boletines = BoletinPage.objects.live()
    assert boletines.count() >= 5
    for boletin in boletines:
        fotos = list(boletin.fotos.select_related("imagen"))
        assert 1 <= len(fotos) <= 5
        for foto in fotos:
            assert foto.imagen.description, "cada foto lleva texto alternativo"
            assert foto.imagen.credito
            assert foto.imagen.width == 1200 and foto.imagen.file.size > 10_000
        assert "lorem" not in (boletin.sumario + boletin.title).lower()
    # One draft is left for the moderation queue.
    assert BoletinPage.objects.filter(live=False).count() == 1


def test_the_demo_looks_like_a_real_site(demo_compartida, client):
    ajustes = InstitucionSettings.for_site(Site.objects.get(is_default_site=True))
    assert ajustes.logo_gobierno is not None
    assert ajustes.horario and ajustes.aviso_privacidad and ajustes.transparencia
    inicio = client.get("/").content.decode()
    assert inicio.count('href="/agenda/"') >= 2  # the menu and the home's links
    assert 'class="destacado"' in inicio  # the lead boletín
    quienes = client.get("/quienes-somos/").content.decode()
    for parte in ("Misión", "Visión", "Directorio", "Contacto"):
        assert f"<h2>{parte}</h2>" in quienes
    for plantel in ("saltillo", "torreon", "monclova"):
        html = client.get(f"/planteles/{plantel}/").content.decode()
        assert html.count('class="actividad"') == 2, plantel
    assert client.get(ajustes.aviso_privacidad).status_code == 200
    for campana in CampanaPage.objects.live():
        assert campana.cartel is not None
    # Every photo of a boletín has its área and date, so the gallery filters list them.
    galeria = client.get("/fotografias/").content.decode()
    assert '<option value="plantel-torreon"' in galeria
