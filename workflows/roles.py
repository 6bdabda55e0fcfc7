"""The office's roles as data: each group and the rights Wagtail enforces for it.

``docs/roles.md`` explains the matrix in prose; :func:`aplicar_roles` makes the
database match it and can run any number of times.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from archivo import permissions as archivo
from boletines import permissions as boletines
from campanas import permissions as campanas
from indicadores import permissions as indicadores
from media_library import permissions as media_library
from monitoreo import permissions as monitoreo

from .permissions import RETIRAR_POR_ERROR, VER_BITACORA

# Wagtail checks media rights against its base models' permissions, even with
# custom image and document models (``auth_model`` of their permission policies).
PERMISOS_DE_MEDIOS = {"wagtailimages": "image", "wagtaildocs": "document"}


# Each app's codenames come from its permissions.py: modules of constants that
# import nothing of the domain (the import contract allows only those upward).
AGENDA = boletines.GESTIONAR_AGENDA
VIDEOS = (media_library.VER_TRABAJOS_VIDEO,)
REVISION_DE_VIDEOS = (*VIDEOS, media_library.REINTENTAR_TRABAJO_VIDEO)
MUSICA = media_library.GESTIONAR_MUSICA
CAMPANAS = (
    campanas.VER_CALENDARIO,
    campanas.REGISTRAR_EVIDENCIA,
    campanas.VER_EVIDENCIAS,
)
INSTRUCCIONES = campanas.GESTIONAR_INSTRUCCIONES
CUMPLIMIENTO = (campanas.VER_CUMPLIMIENTO,)
# The video programme (003 P01 1.2): the head programmes and assigns producers.
PRODUCCION_DE_VIDEOS = (media_library.VER_PROGRAMA, media_library.CAMBIAR_PROGRAMA)
PROGRAMACION_DE_VIDEOS = (
    *media_library.PROGRAMA_DE_VIDEOS,
    media_library.PROGRAMAR_VIDEO,
)
# The dashboard Informes → Indicadores and the monthly report it prints.
INDICADORES = (indicadores.VER_INDICADORES, indicadores.GENERAR_INFORME)
REPORTES_DE_PLANTEL = (*campanas.REPORTAR_CUMPLIMIENTO, campanas.VER_INSTRUCCIONES)
DIFUSION = (
    *boletines.GESTIONAR_LISTAS_DE_DISTRIBUCION,
    *boletines.GESTIONAR_CONTACTOS_DE_PRENSA,
    boletines.VER_ENVIOS,
    boletines.REINTENTAR_ENVIO,
    boletines.VER_INDICADORES,
)

# The records workspace (archivo/): records are read-only; the archivist keeps the
# disposition catalogue, the series assignments and the legal holds.
ARCHIVO = (
    archivo.VER_REGISTROS,
    archivo.RESERVAR_REGISTRO,
    archivo.EXPORTAR_REGISTROS,
    archivo.VER_INSTANTANEAS,
    archivo.PROPONER_DISPOSICION,
    archivo.VER_DISPOSICIONES,
    archivo.AGREGAR_SERIE,
    archivo.CAMBIAR_SERIE,
    archivo.VER_SERIES,
    archivo.AGREGAR_ASIGNACION,
    archivo.CAMBIAR_ASIGNACION,
    archivo.BORRAR_ASIGNACION,
    archivo.VER_ASIGNACIONES,
)


@dataclass(frozen=True)
class Rol:
    """A group: whether it enters the admin, its page and media rights."""

    nombre: str
    descripcion: str
    paginas: tuple[str, ...] = ()
    medios: tuple[str, ...] = ()
    modelos: tuple[str, ...] = ()  # "app.codename" model permissions


ROLES = (
    Rol(
        "Editores",
        "Redactan boletines, campañas y videos y los envían a aprobación.",
        paginas=("add_page", "change_page", "lock_page", "unlock_page"),
        medios=("add", "change", "choose"),
        modelos=(
            *AGENDA,
            *VIDEOS,
            *PRODUCCION_DE_VIDEOS,
            *MUSICA,
            *CAMPANAS,
            boletines.VER_ENVIOS,
        ),
    ),
    Rol(
        "Enlaces de plantel",
        "Envían material y propuestas desde su plantel; no publican boletines.",
        medios=("add", "choose"),
        # Their reports, and the instructions they read, are limited to their own
        # campus by the viewsets.
        modelos=REPORTES_DE_PLANTEL,
    ),
    Rol(
        "Coordinación",
        "Primera revisión: aprueban, aprueban con comentario o piden cambios.",
        paginas=("add_page", "change_page", "lock_page", "unlock_page"),
        medios=("add", "change", "choose"),
        modelos=(
            *AGENDA,
            *DIFUSION,
            *REVISION_DE_VIDEOS,
            *MUSICA,
            *CAMPANAS,
            *INSTRUCCIONES,
            *CUMPLIMIENTO,
            *monitoreo.JEFATURA,
            *PROGRAMACION_DE_VIDEOS,
            *INDICADORES,
        ),
    ),
    Rol(
        "Titular",
        "Autorización final: su aprobación publica.",
        # Publishing happens when the Titular approves the workflow's last
        # task; no group publishes directly (see docs/roles.md).
        paginas=("add_page", "change_page", "lock_page", "unlock_page"),
        medios=("add", "change", "choose", "delete"),
        modelos=(
            RETIRAR_POR_ERROR,
            archivo.APROBAR_DISPOSICION,
            media_library.MOSTRAR_EN_MEDIATECA,
            *AGENDA,
            *DIFUSION,
            *REVISION_DE_VIDEOS,
            *MUSICA,
            *CAMPANAS,
            *INSTRUCCIONES,
            *CUMPLIMIENTO,
            *monitoreo.JEFATURA,
            *PROGRAMACION_DE_VIDEOS,
            *INDICADORES,
        ),
    ),
    Rol(
        "Archivo",
        "Consultan los registros y exportan inventarios; no editan contenido.",
        modelos=(
            VER_BITACORA,
            boletines.VER_ENVIOS,
            boletines.VER_INDICADORES,
            indicadores.VER_INDICADORES,
            *ARCHIVO,
        ),
    ),
    Rol(
        "Monitoreo",
        "Registran comentarios, quejas y notas de medios; no publican.",
        modelos=monitoreo.MONITOREO,
    ),
    Rol(
        "Áreas responsables",
        "Ven y responden solo lo que se canalizó a su área.",
        modelos=(monitoreo.RESPONDER_MENCION,),
    ),
)


def _permiso(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grupo_de_plantel(plantel):
    """The group of one campus's enlaces: they draft only inside its section.

    Wagtail's «add» lets them create pages under the campus section and edit the
    ones they own; without «change» the public section page itself is not theirs.
    """
    grupo, _ = Group.objects.get_or_create(name=f"Enlaces — {plantel.title}")
    GroupPagePermission.objects.get_or_create(
        group=grupo, page=plantel, permission=_permiso("wagtailcore", "add_page")
    )
    GroupPagePermission.objects.filter(
        group=grupo, page=plantel, permission__codename="change_page"
    ).delete()
    return grupo


@transaction.atomic
def aplicar_roles(pagina_raiz, coleccion_raiz=None):
    """Create the role groups and grant their rights on ``pagina_raiz``'s tree."""
    coleccion_raiz = coleccion_raiz or Collection.get_first_root_node()
    acceso_admin = _permiso("wagtailadmin", "access_admin")
    grupos = {}
    for rol in ROLES:
        grupo, _ = Group.objects.get_or_create(name=rol.nombre)
        grupo.permissions.add(acceso_admin)
        for permiso in rol.modelos:
            grupo.permissions.add(_permiso(*permiso.split(".")))
        for codename in rol.paginas:
            GroupPagePermission.objects.get_or_create(
                group=grupo,
                page=pagina_raiz,
                permission=_permiso("wagtailcore", codename),
            )
        for app_label, modelo in PERMISOS_DE_MEDIOS.items():
            for accion in rol.medios:
                GroupCollectionPermission.objects.get_or_create(
                    group=grupo,
                    collection=coleccion_raiz,
                    permission=_permiso(app_label, f"{accion}_{modelo}"),
                )
        grupos[rol.nombre] = grupo
    return grupos
