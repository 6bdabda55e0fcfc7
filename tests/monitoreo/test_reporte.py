"""The daily monitoring report: generated, reviewed by the head, sent as a PDF."""

import datetime
import io

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from archivo.models import Registro
from monitoreo.models import DestinatarioReporte, Mencion, ReporteMonitoreo
from monitoreo.reporte import indicador
from tests.admin import cliente, denegada
from tests.factories import MedioFactory, MencionFactory

DIA = datetime.date(2026, 11, 23)
GENERAR = "wagtailsnippets_monitoreo_reportemonitoreo:generar"


def _revisar(reporte):
    return reverse(
        "wagtailsnippets_monitoreo_reportemonitoreo:revisar", args=[reporte.pk]
    )


def _del_dia(hora, **campos):
    cuando = timezone.make_aware(datetime.datetime.combine(DIA, datetime.time(hora)))
    return MencionFactory(publicada_en=cuando, **campos)


def _dia_con_menciones(institucion):
    radio = MedioFactory(nombre="Radio Saltillo", tipo="radio")
    _del_dia(8, medio=radio, queja=True, texto="Queja del transporte", destacada=True)
    _del_dia(9, medio=radio, tipo="comentario", sentimiento="positivo")
    _del_dia(10, medio=MedioFactory(nombre="Vanguardia"), nota=True)
    canalizada = _del_dia(
        11,
        queja=True,
        area=institucion.areas["direccion-general"],
        texto="Queja canalizada del día",
    )
    Mencion.objects.filter(pk=canalizada.pk).update(
        estado=Mencion.CANALIZADA,
        canalizada_en=canalizada.publicada_en,
        vence=DIA + datetime.timedelta(days=7),
    )
    DestinatarioReporte.objects.create(
        nombre="Director General", correo="dg@cepru.gob.mx"
    )
    DestinatarioReporte.objects.create(
        nombre="Secretaria particular", correo="sp@cepru.gob.mx"
    )


def test_the_head_reviews_and_sends_the_days_report_as_a_pdf(institucion_compartida):
    _dia_con_menciones(institucion_compartida)
    monitor = cliente("monitoreo")
    respuesta = monitor.post(reverse(GENERAR), {"fecha": "2026-11-23"})
    reporte = ReporteMonitoreo.objects.get(fecha=DIA)
    assert respuesta.status_code == 302 and respuesta.url == _revisar(reporte)

    jefa = cliente("titular")
    html = jefa.get(_revisar(reporte)).content.decode()
    assert "Menciones registradas: <strong>4</strong>" in html
    assert "Queja del transporte" in html  # notable
    assert "Queja canalizada del día" in html and "Canalizada" in html
    assert "<td>Radio Saltillo</td><td>2</td>" in html

    # Sending asks first; nothing leaves before the confirmation.
    confirmacion = jefa.get(_revisar(reporte) + "?accion=enviar")
    assert "¿Enviar el PDF" in confirmacion.content.decode()
    assert mail.outbox == []
    jefa.post(_revisar(reporte), {"accion": "enviar"})

    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.subject == "Reporte de monitoreo del 23/11/2026"
    assert sorted(correo.to) == ["dg@cepru.gob.mx", "sp@cepru.gob.mx"]
    nombre, contenido, tipo = correo.attachments[0]
    assert (nombre, tipo) == ("reporte-monitoreo-2026-11-23.pdf", "application/pdf")
    texto = "".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    assert "Reporte de monitoreo del 23 de noviembre de 2026" in texto
    assert "Dirección General" in texto and "Radio Saltillo" in texto

    reporte.refresh_from_db()
    assert reporte.enviado_en and reporte.enviado_por.username == "titular"
    assert reporte.destinatarios == "dg@cepru.gob.mx, sp@cepru.gob.mx"
    assert reporte.pdf.name.endswith(".pdf")
    registro = Registro.objects.de_objeto(reporte).get()
    assert registro.serie.codigo.endswith("9C.9")
    assert indicador(DIA, DIA) == {"hechos": 1, "enviados": 1}

    # A second send is refused and sends nothing.
    respuesta = jefa.post(_revisar(reporte), {"accion": "enviar"}, follow=True)
    assert "Este reporte ya se envió" in respuesta.content.decode()
    assert len(mail.outbox) == 1


def test_the_monitor_generates_but_does_not_send(institucion_compartida):
    _dia_con_menciones(institucion_compartida)
    reporte = ReporteMonitoreo.objects.create(fecha=DIA)
    respuesta = cliente("monitoreo").post(_revisar(reporte), {"accion": "enviar"})
    assert denegada(respuesta)
    assert mail.outbox == []
    assert indicador(DIA, DIA) == {"hechos": 1, "enviados": 0}


def test_a_report_without_recipients_is_not_sent(institucion_compartida):
    reporte = ReporteMonitoreo.objects.create(fecha=DIA)
    respuesta = cliente("titular").post(
        _revisar(reporte), {"accion": "enviar"}, follow=True
    )
    assert "No hay destinatarios activos" in respuesta.content.decode()
    reporte.refresh_from_db()
    assert reporte.enviado_en is None and mail.outbox == []


def test_a_future_date_is_refused(institucion_compartida):
    manana = timezone.localdate() + datetime.timedelta(days=1)
    respuesta = cliente("monitoreo").post(
        reverse(GENERAR), {"fecha": manana.isoformat()}
    )
    assert "No se genera el reporte de un día futuro" in respuesta.content.decode()
    assert not ReporteMonitoreo.objects.exists()


def test_the_pdf_preview_downloads_before_sending(institucion_compartida):
    reporte = ReporteMonitoreo.objects.create(fecha=DIA)
    url = reverse("wagtailsnippets_monitoreo_reportemonitoreo:pdf", args=[reporte.pk])
    respuesta = cliente("coordinacion").get(url)
    assert respuesta["Content-Type"] == "application/pdf"
    assert respuesta.content.startswith(b"%PDF")
    assert denegada(cliente("editor").get(url))
