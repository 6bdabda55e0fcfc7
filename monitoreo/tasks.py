"""The desk's slow work, run by the task worker: e-mails, feeds, the daily report,
the síntesis' PDF and its deliveries."""

import csv
import smtplib
from datetime import timedelta
from io import StringIO

from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site, TaskState

from archivo.publicacion import registrar_publicacion
from home.models import InstitucionSettings

from .fuentes import revisar_canales
from .models import (
    ControlSintesis,
    DestinatarioReporte,
    EnvioSintesis,
    Medio,
    ReporteMonitoreo,
    Sintesis,
)
from .pdf import reporte_pdf
from .pdf_sintesis import sintesis_pdf
from .reporte import asunto_de as asunto_de_reporte
from .reporte import datos_del_dia
from .sintesis import asunto_de, enlace_de_lectura, es_tardia


@task()
def enviar_correo(asunto, cuerpo, destinatarios):
    """One plain e-mail of the desk (channelling, escalation)."""
    if not destinatarios:
        return 0
    return EmailMessage(asunto, cuerpo, to=destinatarios).send()


@task()
def revisar_canales_task(medio_ids=None):
    """Read the due RSS/Atom feeds (or the given outlets') for new mentions."""
    medios = None if medio_ids is None else Medio.objects.filter(pk__in=medio_ids)
    return revisar_canales(medios)


@task()
def enviar_reporte(reporte_id, usuario_id):
    """Send the day's report as a PDF to the Director General's list, and log it."""
    reporte = ReporteMonitoreo.objects.get(pk=reporte_id)
    institucion = InstitucionSettings.for_site(Site.objects.get(is_default_site=True))
    contenido = reporte_pdf(reporte, datos_del_dia(reporte.fecha), institucion)
    destinatarios = list(
        DestinatarioReporte.objects.filter(activo=True).values_list("correo", flat=True)
    )
    asunto = asunto_de_reporte(reporte)
    correo = EmailMessage(
        asunto,
        f"Se adjunta el {asunto.lower()}.\n\n{institucion.unidad}\n",
        to=destinatarios,
    )
    nombre = f"reporte-monitoreo-{reporte.fecha:%Y-%m-%d}.pdf"
    correo.attach(nombre, contenido, "application/pdf")
    correo.send()
    reporte.pdf.save(nombre, ContentFile(contenido), save=False)
    reporte.enviado_en = timezone.now()
    reporte.enviado_por_id = usuario_id
    reporte.destinatarios = ", ".join(destinatarios)
    reporte.asunto = asunto
    reporte.save()
    registrar_publicacion(reporte, usuario=reporte.enviado_por)
    return len(destinatarios)


# The síntesis informativa (P04): its PDF and its delivery, one e-mail per person of
# the Director General's list, retried like the boletines' (2, 4, 8, 16 minutes).
INTENTOS = 5


def describir(error):
    """The server's answer in words (boletines' ``describir``, which monitoreo may
    not import: content apps stay independent)."""
    if isinstance(error, smtplib.SMTPResponseException):
        texto = error.smtp_error
        if isinstance(texto, bytes):
            texto = texto.decode("utf-8", "replace")
        return f"{error.smtp_code} {texto}"
    return f"{type(error).__name__}: {error}"


def _institucion():
    return InstitucionSettings.for_site(
        Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    )


def componer(sintesis, control, revision=None):
    """Render ``sintesis`` into ``control.pdf``, noting progress as it goes."""
    total = len(sintesis.elementos.all())
    ControlSintesis.objects.filter(pk=control.pk).update(
        pdf_estado=ControlSintesis.GENERANDO,
        pdf_avance=0,
        pdf_total=total,
        pdf_error="",
    )

    def avance(hechos, total):
        ControlSintesis.objects.filter(pk=control.pk).update(pdf_avance=hechos)

    try:
        contenido = sintesis_pdf(sintesis, _institucion(), avance)
    except Exception as error:
        ControlSintesis.objects.filter(pk=control.pk).update(
            pdf_estado=ControlSintesis.ERROR,
            pdf_error=f"{type(error).__name__}: {error}",
        )
        raise
    control.refresh_from_db()
    control.pdf.save(sintesis.nombre_pdf, ContentFile(contenido), save=False)
    control.pdf_estado, control.pdf_revision = ControlSintesis.LISTO, revision
    control.pdf_avance = control.pdf_total = total
    control.save()
    return contenido


@task()
def componer_sintesis(sintesis_id):
    """The PDF of the síntesis' latest revision, for the head's preview."""
    sintesis = Sintesis.objects.get(pk=sintesis_id)
    revision = sintesis.latest_revision
    borrador = revision.as_object() if revision else sintesis
    control, _creado = ControlSintesis.objects.get_or_create(sintesis=sintesis)
    componer(borrador, control, revision)
    return control.pdf.name


def _correo_sintesis(envio, contenido):
    control = envio.control
    sintesis = control.sintesis
    institucion = _institucion()
    cuerpo = (
        f"{envio.nombre}:\n\n"
        f"Se adjunta la {asunto_de(sintesis)}.\n\n"
        "Para leerla en el teléfono, sin cuenta de administración:\n"
        f"{enlace_de_lectura(sintesis)}\n\n"
        f"{institucion.unidad}\n{institucion.nombre}\n"
    )
    correo = EmailMessage(
        asunto_de(sintesis),
        cuerpo,
        to=[envio.correo],
        reply_to=[institucion.correo] if institucion.correo else None,
    )
    correo.attach(sintesis.nombre_pdf, contenido, "application/pdf")
    return correo


def _entregar(envio_pk):
    """One delivery attempt; on failure, the next try is scheduled."""
    reclamado = EnvioSintesis.objects.filter(
        pk=envio_pk,
        estado__in=[
            EnvioSintesis.PENDIENTE,
            EnvioSintesis.REINTENTANDO,
            EnvioSintesis.FALLIDO,
        ],
    ).update(estado=EnvioSintesis.ENVIANDO)
    if not reclamado:
        return None
    envio = EnvioSintesis.objects.select_related("control__sintesis").get(pk=envio_pk)
    envio.intentos += 1
    try:
        with envio.control.pdf.open("rb") as archivo:
            contenido = archivo.read()
        _correo_sintesis(envio, contenido).send()
    except Exception as error:
        envio.ultimo_error = describir(error)[:2000]
        if envio.intentos < INTENTOS:
            envio.estado = EnvioSintesis.REINTENTANDO
            envio.proximo_intento = timezone.now() + timedelta(
                minutes=2**envio.intentos
            )
        else:
            envio.estado, envio.proximo_intento = EnvioSintesis.FALLIDO, None
        envio.save()
        if envio.estado == EnvioSintesis.REINTENTANDO:
            siguiente = entregar_sintesis
            if siguiente.get_backend().supports_defer:
                siguiente = siguiente.using(run_after=envio.proximo_intento)
            siguiente.enqueue(envio.pk)
        return envio.estado
    envio.estado, envio.enviado_en = EnvioSintesis.ENVIADO, timezone.now()
    envio.proximo_intento, envio.ultimo_error = None, ""
    envio.save()
    return envio.estado


@task()
def entregar_sintesis(envio_pk):
    """A retry of one delivery of the síntesis."""
    return _entregar(envio_pk)


def bitacora_csv(control):
    """The sending log: one row per person, as the record keeps it."""
    salida = StringIO()
    escritor = csv.writer(salida)
    escritor.writerow(["nombre", "correo", "estado", "intentos", "enviado", "error"])
    for envio in control.envios.all():
        escritor.writerow(
            [
                envio.nombre,
                envio.correo,
                envio.get_estado_display(),
                envio.intentos,
                timezone.localtime(envio.enviado_en).isoformat()
                if envio.enviado_en
                else "",
                envio.ultimo_error,
            ]
        )
    return salida.getvalue()


@task()
def enviar_sintesis(sintesis_id):
    """The approved síntesis to the Director General's list, logged and archived.

    Its PDF (the live revision's, rendered now unless the preview already is),
    one delivery per person, the time it went out (late after 9:30), the sending
    log, and the record in its series with both files.
    """
    sintesis = Sintesis.objects.get(pk=sintesis_id)
    control, _creado = ControlSintesis.objects.get_or_create(sintesis=sintesis)
    if control.enviada_en:
        return None
    if not (
        control.pdf
        and control.pdf_estado == ControlSintesis.LISTO
        and control.pdf_revision_id == sintesis.live_revision_id
    ):
        componer(sintesis, control, sintesis.live_revision)
    for destinatario in DestinatarioReporte.objects.filter(activo=True):
        EnvioSintesis.objects.get_or_create(
            control=control,
            correo=destinatario.correo,
            defaults={"nombre": destinatario.nombre},
        )
    for envio in control.envios.filter(estado=EnvioSintesis.PENDIENTE):
        _entregar(envio.pk)
    control.refresh_from_db()
    control.enviada_en = timezone.now()
    control.tardia = es_tardia(sintesis.fecha, control.enviada_en)
    control.asunto = asunto_de(sintesis)
    control.bitacora.save(
        f"{sintesis.nombre_pdf[:-4]} - bitácora de envío.csv",
        ContentFile(bitacora_csv(control).encode("utf-8")),
        save=False,
    )
    control.save()
    registrar_publicacion(
        sintesis, revision=sintesis.live_revision, usuario=_aprobo(sintesis)
    )
    return control.envios.filter(estado=EnvioSintesis.ENVIADO).count()


def _aprobo(sintesis):
    """Who approved the live revision (the workflow's last approval), if anyone."""
    estado = (
        TaskState.objects.filter(
            workflow_state__base_content_type=sintesis.get_base_content_type(),
            workflow_state__object_id=str(sintesis.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return estado.finished_by if estado else None
