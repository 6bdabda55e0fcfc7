"""The «Informe mensual de indicadores»: generated, stored and archived as a record."""

from django.core.files.base import ContentFile

from archivo.publicacion import registrar_publicacion
from cms.indicadores import registrados

from .models import InformeIndicadores
from .pdf import informe_pdf


def generar_informe_mensual(periodo, usuario, institucion):
    """The month ``periodo``'s report as a PDF, saved and made a record."""
    contenido = informe_pdf(periodo, registrados(), institucion)
    informe = InformeIndicadores(periodo_inicio=periodo.inicio, generado_por=usuario)
    informe.pdf.save(
        f"informe-indicadores-{periodo.inicio:%Y-%m}.pdf",
        ContentFile(contenido),
        save=False,
    )
    informe.save()
    registrar_publicacion(informe, usuario=usuario)
    return informe
