"""Nothing under retention is lost: the deletion guard and the legal hold.

The admin refuses early, with a message saying until when and why (hooks in
``wagtail_hooks.py``). Underneath, every registered model refuses deletion at the
model level (``pre_delete``), so no other path (a shell, a cascade, a view without
hooks, such as the image and document delete views) can lose a record's content.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page

from .models import Registro
from .permissions import APROBAR_DISPOSICION, RESERVAR_REGISTRO
from .publicacion import nombre_de
from .registry import registrados


class RegistroEnResguardo(Exception):
    """Raised when deleting an item whose record must still be kept."""

    def __init__(self, mensaje):
        super().__init__(mensaje)
        self.mensaje = mensaje


def registrables_de_paginas():
    """The registered page models (their records are looked up by page id)."""
    return [r.modelo for r in registrados() if issubclass(r.modelo, Page)]


def motivos(registros, hoy=None):
    """Why each of ``registros`` is still kept, skipping those that may go."""
    return [m for m in (r.motivo_de_conservacion(hoy) for r in registros) if m]


def registros_de(objetos):
    """The records of ``objetos``; for pages, of their descendants too."""
    objetos = list(objetos)
    paginas = [o for o in objetos if isinstance(o, Page)]
    otros = [o for o in objetos if not isinstance(o, Page)]
    registros = Registro.objects.none()
    if paginas:
        ids = set()
        for pagina in paginas:
            ids.add(str(pagina.pk))
            ids.update(
                str(pk) for pk in pagina.get_descendants().values_list("pk", flat=True)
            )
        tipos = ContentType.objects.get_for_models(*registrables_de_paginas()).values()
        registros |= Registro.objects.filter(content_type__in=tipos, object_id__in=ids)
    for otro in otros:
        registros |= Registro.objects.de_objeto(otro)
    return registros.select_related("serie", "reserva_por")


def mensaje_de_rechazo(objetos, hoy=None):
    """A Spanish message refusing the deletion, or None if nothing is kept."""
    razones = motivos(registros_de(objetos), hoy)
    if not razones:
        return None
    return _("No se puede eliminar: %(razones)s") % {"razones": " ".join(razones)}


def al_borrar(sender, instance, **kwargs):
    """Before deleting an item of a registered model: the last line of defence.

    Only the instance's own record: a page's descendants signal for themselves.
    """
    razones = motivos(Registro.objects.de_objeto(instance).select_related("serie"))
    if razones:
        raise RegistroEnResguardo(
            _("No se puede eliminar: %(razones)s") % {"razones": " ".join(razones)}
        )


# The legal hold: placed by the Archivo at once (it only protects), lifted only
# when the Titular approves the Archivo's request (four eyes). Every step is an
# entry of Wagtail's audit log on the record: who, when and why.
ACCION_RESERVAR = "archivo.reservar"
ACCION_PEDIR_LEVANTAMIENTO = "archivo.pedir_levantamiento"
ACCION_LEVANTAR = "archivo.levantar_reserva"
ACCION_RECHAZAR_LEVANTAMIENTO = "archivo.rechazar_levantamiento"


def _exigir(usuario, permiso):
    if not usuario.has_perm(permiso):
        raise PermissionDenied


def _motivo(texto):
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError(_("Explica el motivo."))
    return texto


def _anotar(registro, texto, cuando):
    registro.ultima_accion, registro.ultima_accion_en = texto[:255], cuando


@transaction.atomic
def reservar(registro, usuario, motivo):
    """Put a record under legal hold, with its reason."""
    _exigir(usuario, RESERVAR_REGISTRO)
    motivo = _motivo(motivo)
    if registro.reserva:
        raise ValidationError(_("El registro ya está en reserva."))
    ahora = timezone.now()
    registro.reserva, registro.reserva_motivo = True, motivo
    registro.reserva_por, registro.reserva_desde = usuario, ahora
    _anotar(registro, _("Reservado: %(motivo)s") % {"motivo": motivo}, ahora)
    registro.save()
    log(registro, ACCION_RESERVAR, user=usuario, data={"motivo": motivo})
    return registro


@transaction.atomic
def pedir_levantamiento(registro, usuario, motivo):
    """The Archivo asks the Titular to lift a hold; it stays on until approved."""
    _exigir(usuario, RESERVAR_REGISTRO)
    motivo = _motivo(motivo)
    if not registro.reserva:
        raise ValidationError(_("El registro no está en reserva."))
    if registro.levantamiento_pedido_en:
        raise ValidationError(_("Ya se pidió levantar esta reserva."))
    ahora = timezone.now()
    registro.levantamiento_motivo = motivo
    registro.levantamiento_pedido_por = usuario
    registro.levantamiento_pedido_en = ahora
    _anotar(
        registro,
        _("Se pidió levantar la reserva: %(motivo)s") % {"motivo": motivo},
        ahora,
    )
    registro.save()
    log(registro, ACCION_PEDIR_LEVANTAMIENTO, user=usuario, data={"motivo": motivo})
    return registro


@transaction.atomic
def revisar_levantamiento(registro, usuario, aprobado, comentario=""):
    """The Titular lifts the hold or keeps it; never on her own request."""
    _exigir(usuario, APROBAR_DISPOSICION)
    if not registro.levantamiento_pedido_en:
        raise ValidationError(_("Nadie ha pedido levantar esta reserva."))
    if registro.levantamiento_pedido_por_id == usuario.pk:
        raise PermissionDenied(_("Nadie aprueba lo que pidió."))
    ahora = timezone.now()
    datos = {
        "motivo": registro.levantamiento_motivo,
        "pedido_por": nombre_de(registro.levantamiento_pedido_por),
        "reserva": registro.reserva_motivo,
        "comentario": comentario.strip(),
    }
    if aprobado:
        registro.reserva, registro.reserva_motivo = False, ""
        registro.reserva_por = registro.reserva_desde = None
        _anotar(registro, _("Reserva levantada"), ahora)
    else:
        _anotar(registro, _("Se mantiene la reserva"), ahora)
    registro.levantamiento_motivo = ""
    registro.levantamiento_pedido_por = registro.levantamiento_pedido_en = None
    registro.save()
    log(
        registro,
        ACCION_LEVANTAR if aprobado else ACCION_RECHAZAR_LEVANTAMIENTO,
        user=usuario,
        data=datos,
    )
    return registro


def levantamientos_despues_de(registros, desde):
    """Hold releases of ``registros`` logged after ``desde`` (audit-log entries)."""
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registro),
        object_id__in=[str(r.pk) for r in registros],
        action=ACCION_LEVANTAR,
        timestamp__gt=desde,
    ).order_by("timestamp")
