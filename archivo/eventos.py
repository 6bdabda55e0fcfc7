"""Keeping records in step with publication, takedowns and corrections.

Each handler is idempotent: a record per item, a snapshot per published revision.
They run inside Wagtail's publish transaction, after the folio is allocated
(``boletines`` connects first: it comes first in ``INSTALLED_APPS``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context
from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished

from workflows.correcciones import REPUBLICAR, RETIRAR

from . import indice
from .instantaneas import adjuntos_de, contenido, descripcion_de_archivo, html_de
from .models import AsignacionSerie, Instantanea, Registro, SerieDocumental
from .registro import registrable


def nombre_de(usuario):
    if usuario is None:
        return ""
    return usuario.get_full_name() or usuario.get_username()


def serie_para(instancia, registro_del_modelo):
    """Per-item assignment, else the content type's, else the registered default."""
    content_type = ContentType.objects.get_for_model(type(instancia))
    asignaciones = {
        a.object_id: a.serie
        for a in AsignacionSerie.objects.filter(
            content_type=content_type, object_id__in=[str(instancia.pk), ""]
        ).select_related("serie")
    }
    return (
        asignaciones.get(str(instancia.pk))
        or asignaciones.get("")
        or SerieDocumental.por_codigo(registro_del_modelo.serie)
    )


def _accion(registro, texto, cuando):
    registro.ultima_accion = texto[:255]
    registro.ultima_accion_en = cuando


def registro_de(instancia, cuando=None, usuario=None):
    """The item's record, created (opened) now if it has none."""
    registro_del_modelo = registrable(instancia)
    cuando = cuando or timezone.now()
    content_type = ContentType.objects.get_for_model(type(instancia))
    registro = (
        Registro.objects.select_for_update()
        .filter(content_type=content_type, object_id=str(instancia.pk))
        .first()
    )
    if registro is None:
        registro = Registro(
            content_type=content_type,
            object_id=str(instancia.pk),
            abierto=getattr(instancia, "first_published_at", None) or cuando,
            tipo=str(registro_del_modelo.tipo),
            ultima_accion=_("Registro abierto"),
            ultima_accion_en=cuando,
        )
    registro.titulo = str(getattr(instancia, "title", "") or instancia)[:255]
    registro.folio = registro_del_modelo.leer("folio", instancia) or registro.folio
    registro.area = registro_del_modelo.leer("area", instancia) or registro.area
    registro.serie = serie_para(instancia, registro_del_modelo)
    registro.calcular_plazos()
    if usuario is not None:
        registro.responsable = nombre_de(usuario)
    return registro


@transaction.atomic
def registrar_publicacion(instancia, revision=None, usuario=None):
    """Open or update the record of a published item and freeze this revision."""
    ahora = timezone.now()
    usuario = usuario or get_active_log_context().user
    registro = registro_de(instancia, ahora, usuario)
    registro.url = getattr(instancia, "url", "") or ""
    publicaciones = registro.pk and registro.instantaneas.count()
    _accion(
        registro,
        _("Publicado de nuevo") if publicaciones else _("Publicado"),
        ahora,
    )
    registro.save()
    adjuntos = adjuntos_de(instancia)
    revision_id = getattr(revision, "pk", None)
    if not Instantanea.objects.filter(
        registro=registro, revision_id=revision_id
    ).exists():
        Instantanea.objects.create(
            registro=registro,
            revision_id=revision_id,
            publicada=ahora,
            publicada_por=nombre_de(usuario),
            titulo=registro.titulo,
            contenido=contenido(instancia, revision),
            html=html_de(instancia),
            archivos=[descripcion_de_archivo(a) for a in adjuntos],
        )
    # A published photo or document becomes a record of its own series.
    for adjunto in adjuntos:
        if registrable(adjunto) is None:
            continue
        registro_adjunto = registro_de(adjunto, ahora)
        _accion(
            registro_adjunto,
            _("Publicado en «%(titulo)s»") % {"titulo": registro.titulo},
            ahora,
        )
        registro_adjunto.save()
    return registro


def registrar_accion(instancia, texto, usuario=None):
    """Note a takedown or correction on the item's record, if it has one."""
    registro = Registro.objects.de_objeto(instancia).first()
    if registro is None:
        return None
    _accion(registro, texto, timezone.now())
    if usuario is not None:
        registro.responsable = nombre_de(usuario)
    registro.save(update_fields=["ultima_accion", "ultima_accion_en", "responsable"])
    return registro


def al_publicar(sender, instance, revision=None, **kwargs):
    # Wagtail also signals an approved embargoed revision that is not live yet;
    # it becomes a record when it goes live (the scheduler signals again).
    if registrable(instance) is None or not instance.live:
        return
    registrar_publicacion(instance, revision)


def al_despublicar(sender, instance, **kwargs):
    if registrable(instance) is None:
        return
    registrar_accion(instance, _("Despublicado"), get_active_log_context().user or None)


def al_registrar_en_bitacora(sender, instance, created, **kwargs):
    """The correction chain lives in the audit log; mirror it on the record."""
    if not created or instance.action not in (RETIRAR, REPUBLICAR):
        return
    pagina = instance.page.specific if instance.page_id else None
    if pagina is None or registrable(pagina) is None:
        return
    motivo = instance.data.get("motivo", "")
    if instance.action == RETIRAR:
        texto = _("Retirado por error: %(motivo)s") % {"motivo": motivo}
    else:
        texto = _("Republicado corregido (retiro n.º %(retiro)s): %(motivo)s") % {
            "retiro": instance.data.get("retiro", ""),
            "motivo": motivo,
        }
    registrar_accion(pagina, texto, instance.user)


def conectar():
    page_published.connect(al_publicar, dispatch_uid="archivo_publicar")
    page_unpublished.connect(al_despublicar, dispatch_uid="archivo_despublicar")
    post_save.connect(
        al_registrar_en_bitacora, sender=PageLogEntry, dispatch_uid="archivo_bitacora"
    )
    post_save.connect(
        indice.al_guardar_registro, sender=Registro, dispatch_uid="archivo_indice"
    )
