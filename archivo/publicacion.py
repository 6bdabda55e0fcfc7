"""Writing records: open or update an item's record and freeze each published revision.

Idempotent: a record per item, a snapshot per published revision. Called by the
handlers in ``signal_handlers.py`` and by content that publishes outside Wagtail's
page signals (campaign posts, disposition acts).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context

from cms.historia import ahora as momento

from .instantaneas import adjuntos_de, contenido, descripcion_de_archivo, html_de
from .models import AsignacionSerie, Instantanea, Registro, SerieDocumental
from .registry import registrable


def nombre_de(usuario):
    """The name a person is recorded under; "" for nobody."""
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
    """Note ``texto`` as the record's latest action."""
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
    ahora = momento()
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
    # A published photo or document becomes a record of its own series.
    de_cada_adjunto = {}
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
        de_cada_adjunto[id(adjunto)] = registro_adjunto
    revision_id = getattr(revision, "pk", None)
    if not Instantanea.objects.filter(
        registro=registro, revision_id=revision_id
    ).exists():
        archivos = [
            descripcion_de_archivo(
                adjunto,
                [r for r in (registro, de_cada_adjunto.get(id(adjunto))) if r],
            )
            for adjunto in adjuntos
        ]
        Instantanea.objects.create(
            registro=registro,
            revision_id=revision_id,
            publicada=ahora,
            publicada_por=nombre_de(usuario),
            titulo=registro.titulo,
            contenido=contenido(instancia, revision),
            html=html_de(instancia),
            archivos=archivos,
        )
    return registro


def registrar_accion(instancia, texto, usuario=None):
    """Note a takedown or correction on the item's record, if it has one."""
    registro = Registro.objects.de_objeto(instancia).first()
    if registro is None:
        return None
    _accion(registro, texto, momento())
    if usuario is not None:
        registro.responsable = nombre_de(usuario)
    registro.save(update_fields=["ultima_accion", "ultima_accion_en", "responsable"])
    return registro
