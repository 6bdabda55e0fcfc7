"""A mention's way through the desk: channel, answer, inform, close, escalate.

Each step checks the state it starts from and raises ``ValidationError`` with a
Spanish message otherwise; the views show it and change nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from archivo.publicacion import registrar_accion, registrar_publicacion

from .models import Mencion, ResponsableArea
from .models.menciones import CANALIZABLES
from .plazos import vencimiento
from .tasks import enviar_correo


def _url(nombre, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(nombre, args=args)


def correos_del_area(area):
    return sorted(
        set(ResponsableArea.objects.filter(area=area).values_list("correo", flat=True))
    )


def correos_del_grupo(nombre):
    return sorted(
        set(
            get_user_model()
            .objects.filter(groups__name=nombre, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def areas_de(usuario):
    """The áreas whose responsible person ``usuario`` is."""
    return ResponsableArea.objects.filter(usuario=usuario).values_list(
        "area_id", flat=True
    )


def _exigir(mencion, *estados):
    if mencion.estado not in estados:
        raise ValidationError(
            _("La mención está «%(estado)s»: no admite esta acción.")
            % {"estado": mencion.get_estado_display()}
        )


@transaction.atomic
def canalizar(mencion, usuario, area=None):
    """Channel a complaint, suggestion or question to its área, with a deadline."""
    _exigir(mencion, Mencion.NUEVA, Mencion.CLASIFICADA)
    if area is not None:
        mencion.area = area
    if mencion.tipo not in CANALIZABLES:
        raise ValidationError(
            _("Solo se canalizan quejas, sugerencias y dudas; clasifícala primero.")
        )
    if mencion.area_id is None:
        raise ValidationError(_("Elige el área responsable."))
    if not correos_del_area(mencion.area):
        raise ValidationError(
            _("El área «%(area)s» no tiene responsables registrados.")
            % {"area": mencion.area}
        )
    ahora = timezone.now()
    mencion.estado = Mencion.CANALIZADA
    mencion.canalizada_en = ahora
    mencion.vence = vencimiento(mencion.tipo, timezone.localdate(ahora))
    mencion.save()
    log(mencion, "monitoreo.canalizar", user=usuario)
    # A channelled mention is a record of the monitoring series.
    registrar_publicacion(mencion, usuario=usuario)
    asunto = _("Se canalizó a su área: %(tipo)s del %(fecha)s") % {
        "tipo": mencion.get_tipo_display(),
        "fecha": mencion.publicada_en.strftime("%d/%m/%Y"),
    }
    cuerpo = _(
        "Comunicación Social canalizó a %(area)s la siguiente %(tipo)s:\n\n"
        "«%(texto)s»\n\nResponda a más tardar el %(vence)s en:\n%(url)s\n"
    ) % {
        "area": mencion.area,
        "tipo": mencion.get_tipo_display().lower(),
        "texto": mencion.texto,
        "vence": mencion.vence.strftime("%d/%m/%Y"),
        "url": _url("asuntos_area:responder", mencion.pk),
    }
    destinatarios = correos_del_area(mencion.area)
    transaction.on_commit(
        lambda: enviar_correo.enqueue(str(asunto), str(cuerpo), destinatarios)
    )
    return mencion


@transaction.atomic
def responder(mencion, usuario, texto):
    """The área's answer, written in the system."""
    _exigir(mencion, Mencion.CANALIZADA)
    if not (texto or "").strip():
        raise ValidationError(_("Escribe la respuesta del área."))
    mencion.respuesta_area = texto.strip()
    mencion.respondida_en = timezone.now()
    mencion.respondida_por = usuario
    mencion.estado = Mencion.RESPONDIDA
    mencion.save()
    log(mencion, "monitoreo.responder", user=usuario)
    registrar_accion(mencion, _("Respondida por el área"), usuario)
    return mencion


@transaction.atomic
def informar_y_cerrar(mencion, usuario, texto, cuando=None):
    """The monitor told the citizen on the network, and closes the mention."""
    _exigir(mencion, Mencion.RESPONDIDA, Mencion.CLASIFICADA)
    if not (texto or "").strip():
        raise ValidationError(_("Escribe lo que se respondió al ciudadano."))
    mencion.informe_ciudadano = texto.strip()
    mencion.ciudadano_informado_en = cuando or timezone.now()
    return cerrar(mencion, usuario)


@transaction.atomic
def cerrar(mencion, usuario):
    """Close a mention that needs nothing more."""
    _exigir(mencion, Mencion.NUEVA, Mencion.CLASIFICADA, Mencion.RESPONDIDA)
    if (
        mencion.estado in (Mencion.NUEVA, Mencion.CLASIFICADA)
        and (mencion.tipo in CANALIZABLES and mencion.decision != Mencion.NO)
        and not mencion.informe_ciudadano
    ):
        raise ValidationError(
            _(
                "Una %(tipo)s se canaliza o se marca «sin respuesta» con su "
                "motivo antes de cerrarla."
            )
            % {"tipo": mencion.get_tipo_display().lower()}
        )
    mencion.estado = Mencion.CERRADA
    mencion.cerrada_en = timezone.now()
    mencion.save()
    log(mencion, "monitoreo.cerrar", user=usuario)
    registrar_accion(mencion, _("Cerrada"), usuario)
    return mencion


@transaction.atomic
def sin_respuesta(mencion, usuario, motivo):
    """Close without an answer, saying why (P03: answer now, later or not at all)."""
    _exigir(mencion, Mencion.NUEVA, Mencion.CLASIFICADA, Mencion.CANALIZADA)
    if not (motivo or "").strip():
        raise ValidationError(_("Escribe el motivo para no responder."))
    mencion.motivo_sin_respuesta = motivo.strip()
    mencion.decision = Mencion.NO
    mencion.estado = Mencion.SIN_RESPUESTA
    mencion.cerrada_en = timezone.now()
    mencion.save()
    log(mencion, "monitoreo.sin_respuesta", user=usuario)
    registrar_accion(mencion, _("Sin respuesta: %(m)s") % {"m": motivo}, usuario)
    return mencion


def escalar_vencidas(hoy=None):
    """E-mail what is due: área and Coordinación on the due day, Titular the day after.

    Each step goes once per mention (``escalada_area_en``, ``escalada_titular_en``).
    Returns the number of e-mails sent.
    """
    hoy = hoy or timezone.localdate()
    enviados = 0
    vencidas = Mencion.objects.filter(
        estado=Mencion.CANALIZADA, vence__lte=hoy
    ).select_related("area")
    coordinacion = correos_del_grupo("Coordinación")
    titular = correos_del_grupo("Titular")
    for mencion in vencidas:
        datos = {
            "area": mencion.area,
            "tipo": mencion.get_tipo_display().lower(),
            "vence": mencion.vence.strftime("%d/%m/%Y"),
            "texto": mencion.texto[:300],
            "url": _url("asuntos_area:responder", mencion.pk),
        }
        if mencion.escalada_area_en is None:
            asunto = _("Vence hoy: %(tipo)s canalizada a %(area)s") % datos
            cuerpo = (
                _(
                    "La %(tipo)s canalizada a %(area)s vence el %(vence)s y no tiene "
                    "respuesta:\n\n«%(texto)s»\n\n%(url)s\n"
                )
                % datos
            )
            enviar_correo.enqueue(
                str(asunto), str(cuerpo), correos_del_area(mencion.area) + coordinacion
            )
            mencion.escalada_area_en = hoy
            enviados += 1
        if mencion.vence < hoy and mencion.escalada_titular_en is None:
            asunto = _("Vencida: %(tipo)s canalizada a %(area)s") % datos
            cuerpo = (
                _(
                    "La %(tipo)s canalizada a %(area)s venció el %(vence)s sin "
                    "respuesta:\n\n«%(texto)s»\n\n%(url)s\n"
                )
                % datos
            )
            enviar_correo.enqueue(str(asunto), str(cuerpo), titular)
            mencion.escalada_titular_en = hoy
            enviados += 1
        mencion.save(update_fields=["escalada_area_en", "escalada_titular_en"])
    return enviados
