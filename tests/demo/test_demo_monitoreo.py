"""The demo's monitoring desk: a realistic week the browser journeys can use."""

from django.urls import reverse
from django.utils import timezone

from monitoreo.models import Medio, Mencion, ReporteMonitoreo
from monitoreo.models.menciones import TIPOS
from tests.admin import cliente


def test_the_demo_week_has_every_type_and_state_two_overdue_and_a_sent_report(
    demo_compartida,
):
    assert Medio.objects.count() >= 6
    menciones = Mencion.objects.all()
    assert 55 <= menciones.count() <= 70
    assert {m.tipo for m in menciones} - {""} == {clave for clave, _ in TIPOS}
    assert {m.estado for m in menciones} == {e for e, _ in Mencion.ESTADOS}
    hoy = timezone.localdate()
    vencidas = menciones.filter(estado=Mencion.CANALIZADA, vence__lt=hoy)
    assert vencidas.count() == 2
    recogidas = menciones.filter(tipo="nota", publicacion__isnull=False)
    assert recogidas.count() == 3
    assert len({m.publicacion_id for m in recogidas}) == 1
    de_campana = menciones.exclude(publicacion_de_campana=None)
    assert de_campana.count() == 3
    assert all(m.publicacion_id == m.publicacion_de_campana.page_id for m in de_campana)
    enviado = ReporteMonitoreo.objects.exclude(enviado_en=None).get()
    assert enviado.pdf.name and enviado.asunto.startswith("Reporte de monitoreo del")


def test_the_demo_area_user_sees_only_its_areas_items(demo_compartida):
    html = cliente("area").get(reverse("asuntos_area:index")).content.decode()
    vencida = Mencion.objects.filter(texto__contains="segunda vez").first()
    assert vencida.texto[:40] in html
    ajena = Mencion.objects.exclude(area__slug="vinculacion").exclude(area=None).first()
    if ajena is not None:
        url = reverse("asuntos_area:responder", args=[ajena.pk])
        assert cliente("area").get(url).status_code == 404


def test_the_privacy_notice_is_published(demo_compartida, client):
    respuesta = client.get("/aviso-de-privacidad/")
    assert respuesta.status_code == 200
    assert "Protección de Datos Personales" in respuesta.content.decode()
