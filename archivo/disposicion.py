"""Disposition as a workflow: propose, approve (four eyes), execute with an acta.

Only records whose period has ended for the proposed step, and that are not under
hold, may be proposed; executing re-checks the holds (one may have been placed
after approval) and their audit log (one lifted after approval stops it). Each
step goes to the audit log, and the executed act becomes a record of its own,
with its acta as the attached file.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from home.models import InstitucionSettings

from . import inventarios
from .deposito import eliminar_de, resguardar
from .models import Disposicion, Instantanea, Registro
from .permissions import APROBAR_DISPOSICION, PROPONER_DISPOSICION
from .publicacion import nombre_de, registro_de
from .resguardo import levantamientos_despues_de

# Audit-log actions (not permissions: see ``permissions.py``).
ACCION_PROPONER, ACCION_APROBAR, ACCION_RECHAZAR, ACCION_EJECUTAR = (
    "archivo.proponer_disposicion",
    "archivo.aprobar_disposicion",
    "archivo.rechazar_disposicion",
    "archivo.ejecutar_disposicion",
)


def _exigir(usuario, permiso):
    if not usuario.has_perm(permiso):
        raise PermissionDenied


@transaction.atomic
def proponer(tipo, registros, usuario, justificacion):
    """The archivist proposes ``tipo`` for ``registros``; all must be eligible."""
    _exigir(usuario, PROPONER_DISPOSICION)
    registros = list(registros)
    elegibles = set(
        inventarios.registros_de(tipo)
        .filter(pk__in=[r.pk for r in registros])
        .values_list("pk", flat=True)
    )
    rechazados = [r for r in registros if r.pk not in elegibles]
    if rechazados:
        raise ValidationError(
            _(
                "No se pueden proponer: %(titulos)s (en reserva, ya dispuestos o "
                "aún dentro de su plazo para este paso)."
            )
            % {"titulos": ", ".join(f"«{r.titulo}»" for r in rechazados)}
        )
    if not registros or not justificacion.strip():
        raise ValidationError(_("Indica los registros y la justificación."))
    disposicion = Disposicion.objects.create(
        tipo=tipo, propuesta_por=usuario, justificacion=justificacion.strip()
    )
    disposicion.registros.set(registros)
    log(disposicion, ACCION_PROPONER, user=usuario, data={"registros": len(registros)})
    return disposicion


@transaction.atomic
def revisar(disposicion, usuario, aprobada, comentario=""):
    """The Titular approves or rejects; nobody reviews what they proposed."""
    _exigir(usuario, APROBAR_DISPOSICION)
    if disposicion.propuesta_por_id == usuario.pk:
        raise PermissionDenied(_("Nadie aprueba lo que propuso."))
    if disposicion.estado != Disposicion.PROPUESTA:
        raise ValidationError(_("Esta disposición ya se revisó."))
    disposicion.estado = Disposicion.APROBADA if aprobada else Disposicion.RECHAZADA
    disposicion.revisada_por, disposicion.revisada_en = usuario, timezone.now()
    disposicion.comentario = comentario
    disposicion.save()
    log(disposicion, ACCION_APROBAR if aprobada else ACCION_RECHAZAR, user=usuario)
    return disposicion


ESTADO_FINAL = {
    Disposicion.SECUNDARIA: Registro.HISTORICO,
    Disposicion.BAJA: Registro.BAJA,
}


@transaction.atomic
def ejecutar(disposicion, usuario):
    """Mark the records, withdraw disposed content, write the acta, record the act."""
    _exigir(usuario, PROPONER_DISPOSICION)
    if disposicion.estado != Disposicion.APROBADA:
        raise ValidationError(_("Solo se ejecuta una disposición aprobada."))
    registros = list(disposicion.registros.select_related("serie"))
    reservados = [r for r in registros if r.reserva]
    if reservados:
        raise ValidationError(
            _("Hay registros en reserva: %(titulos)s. Levanta la reserva o retíralos.")
            % {"titulos": ", ".join(f"«{r.titulo}»" for r in reservados)}
        )
    # A hold lifted after the approval means the Titular approved another
    # situation: she reviews the disposal again.
    levantadas = list(levantamientos_despues_de(registros, disposicion.revisada_en))
    if levantadas:
        por_pk = {str(r.pk): r for r in registros}
        raise ValidationError(
            _(
                "Se levantó la reserva de %(titulos)s después de que se aprobó esta "
                "disposición (el %(fecha)s). Propón de nuevo la disposición para que "
                "la Titular la revise."
            )
            % {
                "titulos": ", ".join(
                    f"«{por_pk[e.object_id].titulo}»" for e in levantadas
                ),
                "fecha": timezone.localtime(disposicion.revisada_en).strftime(
                    "%d/%m/%Y %H:%M"
                ),
            }
        )
    ahora = timezone.now()
    disposicion.estado, disposicion.ejecutada_en = Disposicion.EJECUTADA, ahora
    disposicion.acta.save(
        f"acta-{disposicion.pk}.pdf", ContentFile(acta_pdf(disposicion, registros))
    )
    accion = _("%(tipo)s, acta %(numero)s") % {
        "tipo": disposicion.get_tipo_display(),
        "numero": disposicion.numero,
    }
    for registro in registros:
        registro.disposicion = ESTADO_FINAL.get(disposicion.tipo, registro.disposicion)
        registro.ultima_accion, registro.ultima_accion_en = accion[:255], ahora
        registro.save()
        if disposicion.tipo == Disposicion.BAJA:
            _retirar_contenido(registro, usuario)
    if disposicion.tipo == Disposicion.BAJA:
        eliminar_de(disposicion, registros)
    _registrar_acta(disposicion, ahora, usuario)
    log(disposicion, ACCION_EJECUTAR, user=usuario, data={"registros": len(registros)})
    return disposicion


def _retirar_contenido(registro, usuario):
    """A disposed-of page stops being public; its snapshots remain the record."""
    modelo = registro.content_type.model_class()
    if modelo is None or not issubclass(modelo, Page):
        return
    pagina = modelo.objects.filter(pk=registro.object_id, live=True).first()
    if pagina is not None:
        UnpublishPageAction(pagina, user=usuario).execute(skip_permission_checks=True)


def _registrar_acta(disposicion, ahora, usuario):
    registro = registro_de(disposicion, ahora, usuario)
    registro.folio = disposicion.numero
    registro.titulo = str(disposicion)[:255]
    registro.ultima_accion, registro.ultima_accion_en = _("Ejecutada"), ahora
    registro.save()
    sha256, tamano = resguardar(disposicion.acta, [registro])
    Instantanea.objects.create(
        registro=registro,
        publicada=ahora,
        publicada_por=nombre_de(usuario),
        titulo=registro.titulo,
        contenido={
            "tipo": disposicion.tipo,
            "justificacion": disposicion.justificacion,
            "propuesta_por": nombre_de(disposicion.propuesta_por),
            "revisada_por": nombre_de(disposicion.revisada_por),
            "registros": list(disposicion.registros.values_list("pk", flat=True)),
        },
        archivos=[
            {
                "modelo": "archivo.disposicion",
                "id": str(disposicion.pk),
                "titulo": str(disposicion),
                "archivo": disposicion.acta.name,
                "sha256": sha256,
                "tamano": tamano,
            }
        ],
    )


def acta_pdf(disposicion, registros):
    """The acta: what was disposed of, on whose proposal and approval, and when."""
    institucion = InstitucionSettings.objects.first()
    estilos = getSampleStyleSheet()
    salida = BytesIO()
    partes = [
        Paragraph(escape(getattr(institucion, "nombre", "")), estilos["Title"]),
        Paragraph(
            escape(_("Acta %(numero)s") % {"numero": disposicion.numero}),
            estilos["Heading2"],
        ),
        Paragraph(escape(disposicion.get_tipo_display()), estilos["Heading3"]),
        Paragraph(
            escape(
                _(
                    "Propuesta por %(propone)s el %(propuesta)s; aprobada por "
                    "%(aprueba)s el %(revision)s; ejecutada el %(ejecucion)s."
                )
                % {
                    "propone": nombre_de(disposicion.propuesta_por),
                    "propuesta": disposicion.propuesta_en.strftime("%d/%m/%Y"),
                    "aprueba": nombre_de(disposicion.revisada_por),
                    "revision": disposicion.revisada_en.strftime("%d/%m/%Y"),
                    "ejecucion": disposicion.ejecutada_en.strftime("%d/%m/%Y"),
                }
            ),
            estilos["Normal"],
        ),
        Paragraph(escape(disposicion.justificacion), estilos["Normal"]),
        Spacer(1, 12),
    ]
    for registro in registros:
        partes.append(
            Paragraph(
                escape(
                    f"{registro.pk} · {registro.serie.codigo if registro.serie else ''}"
                    f" · {registro.folio} {registro.titulo}"
                ),
                estilos["Normal"],
            )
        )
    SimpleDocTemplate(salida, pagesize=LETTER, title=str(disposicion)).build(partes)
    return salida.getvalue()
