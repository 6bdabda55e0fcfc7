"""The desk's slow work, run by the task worker: e-mails, feeds, the daily report."""

from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from archivo.publicacion import registrar_publicacion
from home.models import InstitucionSettings

from .fuentes import revisar_canales
from .models import DestinatarioReporte, Medio, ReporteMonitoreo
from .pdf import reporte_pdf
from .reporte import asunto_de, datos_del_dia


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
    asunto = asunto_de(reporte)
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
