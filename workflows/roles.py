"""The office's roles as data: each group and the rights Wagtail enforces for it.

``docs/roles.md`` explains the matrix in prose; :func:`aplicar_roles` makes the
database match it and can run any number of times.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

# Wagtail checks media rights against its base models' permissions, even with
# custom image and document models (``auth_model`` of their permission policies).
PERMISOS_DE_MEDIOS = {"wagtailimages": "image", "wagtaildocs": "document"}


# Snippets and reports of the newsroom (see docs/roles.md).
AGENDA = tuple(f"boletines.{a}_evento" for a in ("add", "change", "delete", "view"))
VIDEOS = ("media_library.view_trabajovideo",)
REVISION_DE_VIDEOS = (*VIDEOS, "media_library.reintentar_trabajo")
MUSICA = tuple(f"media_library.{a}_musica" for a in ("add", "change", "view"))
CAMPANAS = (
    "campanas.ver_calendario",
    "campanas.add_evidencia",
    "campanas.view_evidencia",
)
INSTRUCCIONES = tuple(
    f"campanas.{a}_instruccion" for a in ("add", "change", "delete", "view")
)
CUMPLIMIENTO = ("campanas.view_reportecumplimiento",)
REPORTES_DE_PLANTEL = tuple(
    f"campanas.{a}_reportecumplimiento" for a in ("add", "change")
)
DIFUSION = (
    *(f"boletines.{a}_listadistribucion" for a in ("add", "change", "view")),
    *(f"boletines.{a}_contactoprensa" for a in ("add", "change", "view")),
    "boletines.view_envio",
    "boletines.reintentar_envio",
    "boletines.ver_indicadores",
)

# The records workspace (archivo/): records are read-only; the archivist keeps the
# disposition catalogue, the series assignments and the legal holds.
ARCHIVO = (
    "archivo.view_registro",
    "archivo.reservar_registro",
    "archivo.exportar_registros",
    "archivo.view_instantanea",
    "archivo.proponer_disposicion",
    "archivo.view_disposicion",
    *(f"archivo.{a}_seriedocumental" for a in ("add", "change", "view")),
    *(f"archivo.{a}_asignacionserie" for a in ("add", "change", "delete", "view")),
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
        modelos=(*AGENDA, *VIDEOS, *MUSICA, *CAMPANAS, "boletines.view_envio"),
    ),
    Rol(
        "Enlaces de plantel",
        "Envían material y propuestas desde su plantel; no publican boletines.",
        medios=("add", "choose"),
        # Their reports are limited to their own campus by the snippet's viewset.
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
            "workflows.retirar_por_error",
            "archivo.aprobar_disposicion",
            *AGENDA,
            *DIFUSION,
            *REVISION_DE_VIDEOS,
            *MUSICA,
            *CAMPANAS,
            *INSTRUCCIONES,
            *CUMPLIMIENTO,
        ),
    ),
    Rol(
        "Archivo",
        "Consultan los registros y exportan inventarios; no editan contenido.",
        modelos=(
            "wagtailcore.view_pagelogentry",
            "boletines.view_envio",
            "boletines.ver_indicadores",
            *ARCHIVO,
        ),
    ),
    Rol(
        "Monitoreo",
        "Registran comentarios, quejas y notas de medios; no publican.",
    ),
)


def _permiso(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grupo_de_plantel(plantel):
    """The group of one campus's enlaces: they draft only inside its section."""
    grupo, _ = Group.objects.get_or_create(name=f"Enlaces — {plantel.title}")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=grupo, page=plantel, permission=_permiso("wagtailcore", codename)
        )
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
