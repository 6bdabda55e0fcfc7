"""The síntesis informativa's rules: its calendar, the 9:30 deadline and the 9:00
alert, the subject, the signed reading link, the scans' clean-up, the indicator.

«Síntesis hechas / registradas» and «enviadas a tiempo» per month are
:func:`indicador`, computed from the control rows.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from .models import (
    AvisoSintesis,
    ControlSintesis,
    DestinatarioReporte,
    PaginaEscaneada,
    Recorte,
    Sintesis,
)
from .models.sintesis import BLOQUES, titulo_de
from .permissions import SINTESIS
from .plazos import dias_inhabiles, es_habil

SAL_DEL_ENLACE = "monitoreo.sintesis.lectura"


def es_dia_de_sintesis(fecha):
    """Whether a síntesis is due on ``fecha`` (``SINTESIS_CALENDARIO``)."""
    if settings.SINTESIS_CALENDARIO == "diario":
        return True
    return es_habil(fecha, dias_inhabiles(fecha, fecha))


def _a_las(fecha, hora_minuto):
    return timezone.make_aware(datetime.combine(fecha, time(*hora_minuto)))


def limite_de(fecha):
    """9:30 of ``fecha``, Mexico City time (``SINTESIS_HORA_LIMITE``)."""
    return _a_las(fecha, settings.SINTESIS_HORA_LIMITE)


def asunto_de(sintesis):
    """The e-mail's subject and the PDF's name: the manual's title with the date."""
    return titulo_de(sintesis.fecha)


def es_tardia(fecha, enviada_en):
    return enviada_en > limite_de(fecha)


def responsables():
    """Monitoreo and the head: active people whose groups assemble the síntesis."""
    codename = SINTESIS[1].split(".")[1]  # change_sintesis
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__codename=codename)
            & Q(groups__permissions__content_type__app_label="monitoreo")
        )
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )


def faltantes(fecha):
    """What is still missing for ``fecha``'s síntesis to go out, in words."""
    sintesis = (
        Sintesis.objects.filter(fecha=fecha)
        .prefetch_related("elementos__recorte")
        .first()
    )
    if sintesis is None:
        return [_("La síntesis del día no se ha creado.")]
    if (
        sintesis.live
        and getattr(sintesis, "control", None)
        and sintesis.control.enviada_en
    ):
        return []
    pendientes = []
    borrador = (
        sintesis.latest_revision.as_object() if sintesis.latest_revision else sintesis
    )
    bloques = {clave for clave, _n, _r in borrador.recortes_por_bloque()}
    if not bloques:
        pendientes.append(_("No tiene recortes."))
    sin = [str(nombre) for clave, nombre in BLOQUES if clave not in bloques]
    if bloques and sin:
        pendientes.append(_("Bloques sin recortes: %(b)s.") % {"b": ", ".join(sin)})
    estado = sintesis.current_workflow_state
    if not sintesis.live:
        if estado is None:
            pendientes.append(_("No se ha enviado a autorización."))
        else:
            pendientes.append(_("Espera la autorización de la jefatura."))
    else:
        pendientes.append(_("Autorizada; el envío está en curso."))
    return pendientes


def resumen_de_envio(objeto):
    """The final approval's «se enviará a N destinatarios de la lista …»."""
    if not isinstance(objeto, Sintesis):
        return None
    numero = DestinatarioReporte.objects.filter(activo=True).count()
    return ngettext(
        "se enviará a %(numero)s destinatario de la lista de la Dirección General",
        "se enviará a %(numero)s destinatarios de la lista de la Dirección General",
        numero,
    ) % {"numero": numero}


def avisar_si_falta(ahora=None):
    """At 9:00 (``SINTESIS_HORA_AVISO``), if the day's síntesis is not approved,
    e-mail Monitoreo and the head, once. Returns the alert or None."""
    ahora = timezone.localtime(ahora)
    hoy = ahora.date()
    if not es_dia_de_sintesis(hoy) or ahora < _a_las(hoy, settings.SINTESIS_HORA_AVISO):
        return None
    if Sintesis.objects.filter(fecha=hoy, live=True).exists():
        return None
    if AvisoSintesis.objects.filter(fecha=hoy).exists():
        return None
    correos = responsables()
    try:
        with transaction.atomic():
            aviso = AvisoSintesis.objects.create(
                fecha=hoy, destinatarios=", ".join(correos)
            )
    except IntegrityError:  # another scheduler sent it
        return None
    limite = limite_de(hoy)
    cuerpo = "\n".join(
        [
            _(
                "La síntesis informativa de hoy no está autorizada y debe entregarse a "
                "la Dirección General a las %(hora)s."
            )
            % {"hora": timezone.localtime(limite).strftime("%H:%M")},
            "",
            _("Falta:"),
            *[f"- {texto}" for texto in faltantes(hoy)],
        ]
    )
    if correos:
        EmailMessage(
            _("Síntesis informativa sin autorizar: %(titulo)s")
            % {"titulo": titulo_de(hoy)},
            cuerpo,
            to=correos,
        ).send()
    return aviso


def _base_publica():
    sitio = Site.objects.filter(is_default_site=True).first()
    return sitio.root_url if sitio else settings.WAGTAILADMIN_BASE_URL


def enlace_de_lectura(sintesis):
    """The Director General's signed link to the day's síntesis (no account)."""
    firma = signing.TimestampSigner(salt=SAL_DEL_ENLACE).sign(str(sintesis.pk))
    return _base_publica() + reverse("monitoreo:sintesis_lectura", args=[firma])


def sintesis_del_enlace(firma):
    """The live síntesis a signed link names, or None if forged or expired."""
    try:
        pk = signing.TimestampSigner(salt=SAL_DEL_ENLACE).unsign(
            firma, max_age=timedelta(hours=settings.SINTESIS_ENLACE_HORAS)
        )
    except signing.BadSignature:
        return None
    return Sintesis.objects.filter(pk=pk, live=True).first()


def limpiar_escaneos(ahora=None):
    """Delete full-page scans older than 7 days that no clipping uses; their files
    too. Returns how many went."""
    ahora = ahora or timezone.now()
    viejos = PaginaEscaneada.objects.filter(
        subida_en__lt=ahora - timedelta(days=settings.SINTESIS_DIAS_DE_ESCANEOS)
    ).exclude(pk__in=Recorte.objects.exclude(escaneo=None).values("escaneo"))
    borrados = 0
    for escaneo in viejos:
        escaneo.imagen.delete(save=False)
        escaneo.delete()
        borrados += 1
    return borrados


def indicador(desde, hasta):
    """Síntesis made, registered (sent) and sent in time in a period."""
    hechas = Sintesis.objects.filter(fecha__range=(desde, hasta))
    enviadas = ControlSintesis.objects.filter(
        sintesis__fecha__range=(desde, hasta)
    ).exclude(enviada_en=None)
    return {
        "hechas": hechas.count(),
        "registradas": enviadas.count(),
        "a_tiempo": enviadas.filter(tardia=False).count(),
    }
