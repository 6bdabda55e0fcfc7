"""The indicator "Boletines programados vs publicados", per month, exportable."""

import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from boletines.models import BoletinPage, Folio
from boletines.views import indicadores
from home.templatetags.institucion_tags import fecha_larga
from tests.admin import accion, cliente, crear_y_enviar, denegada
from tests.factories import BoletinPageFactory

TIME = datetime.time(12, 0)


def _mes(fecha):
    return fecha.replace(day=1)


def test_each_boletin_is_programmed_once_for_its_go_live_submission_or_publication(
    institucion_compartida,
):
    hoy = timezone.localdate()
    # Before: one draft submitted this month, two boletines published directly.
    sala = institucion_compartida.sala
    editor = institucion_compartida.usuarios["editor"]
    BoletinPageFactory(parent=sala, con_fotos=True, en_flujo=True, autor=editor)
    BoletinPageFactory.create_batch(2, parent=sala, publicada=True)
    publicado = crear_y_enviar("editor", "Boletín enviado y publicado")
    accion("coordinacion", publicado, "approve", "")
    accion("titular", publicado, "approve", "")
    crear_y_enviar(
        "editor", "Boletín programado para enero", go_live_at="2030-01-20 09:00"
    )
    # Submitted twice in the month: still one boletín programmed.
    dos_veces = crear_y_enviar("editor", "Boletín enviado dos veces")
    accion("coordinacion", dos_veces, "reject", "Falta la cifra.")
    estado = WorkflowState.objects.get(object_id=str(dos_veces.pk))
    estado.cancel(user=estado.requested_by)
    dos_veces = BoletinPage.objects.get(pk=dos_veces.pk)
    dos_veces.get_workflow().start(dos_veces, estado.requested_by)
    assert WorkflowState.objects.filter(object_id=str(dos_veces.pk)).count() == 2
    # The first submission is kept on the boletín's row: a second one does not
    # move it, and publishing a revision does not wipe it.
    primero = estado.created_at
    assert BoletinPage.objects.get(pk=dos_veces.pk).primer_envio == primero
    publicado = BoletinPage.objects.get(pk=publicado.pk)
    assert publicado.live
    assert publicado.primer_envio == (
        WorkflowState.objects.get(object_id=str(publicado.pk)).created_at
    )

    filas = {fila.mes: fila for fila in indicadores()}
    este_mes = filas[_mes(hoy)]
    # The draft submitted before, the two published directly (programmed for the
    # day they went out), the approved one and the one submitted twice; the
    # embargoed one is programmed for January 2030, its go-live date, only.
    assert este_mes.programados == 5
    assert (
        este_mes.publicados
        == Folio.objects.filter(asignado__date__gte=_mes(hoy)).count()
    )
    enero = filas[datetime.date(2030, 1, 1)]
    assert (enero.programados, enero.publicados, enero.cumplimiento) == (1, 0, "0 %")
    assert este_mes.mes_texto == fecha_larga(hoy).split(" de ", 1)[1]
    assert este_mes.cumplimiento == (
        f"{round(100 * este_mes.publicados / este_mes.programados)} %"
    )


def test_the_report_is_for_coordination_and_exports_csv(institucion_compartida):
    crear_y_enviar("editor", "Boletín enviado")
    assert denegada(cliente("editor").get(reverse("indicadores_boletines:index")))
    pagina = cliente("coordinacion").get(reverse("indicadores_boletines:index"))
    assert "Boletines programados vs publicados" in pagina.content.decode()

    csv = cliente("titular").get(
        reverse("indicadores_boletines:index"), {"export": "csv"}
    )
    lineas = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
    assert lineas[0] == "Mes,Programados,Publicados,Publicados / programados"
    (fila,) = [f for f in indicadores() if f.mes == timezone.localdate().replace(day=1)]
    assert f"{fila.mes_texto},{fila.programados},{fila.publicados}," in lineas[1]
    xlsx = cliente("titular").get(
        reverse("indicadores_boletines:index"), {"export": "xlsx"}
    )
    assert xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_a_boletin_approved_in_a_month_and_going_live_in_the_next_counts_in_the_second(
    institucion_compartida,
):
    ahora = timezone.now()
    mes_pasado = _mes(timezone.localdate()) - datetime.timedelta(days=1)
    aprobado_el = timezone.make_aware(datetime.datetime.combine(mes_pasado, TIME))
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, publicada=True, embargado=True
    )
    # Approved (its revision scheduled) last month, for a go-live that has come.
    assert not boletin.live and not Folio.objects.filter(boletin=boletin).exists()
    revision = Revision.objects.get(pk=boletin.latest_revision_id)
    hora = ahora - datetime.timedelta(seconds=30)
    revision.content["go_live_at"] = hora.isoformat()
    revision.approved_go_live_at = hora
    revision.created_at = aprobado_el
    revision.save(update_fields=["content", "approved_go_live_at", "created_at"])
    BoletinPage.objects.filter(pk=boletin.pk).update(go_live_at=hora)
    call_command("scheduler", "--once", stdout=io.StringIO())

    folio = Folio.objects.get(boletin=boletin)
    assert timezone.localtime(folio.asignado).date() == timezone.localdate()
    filas = {fila.mes: fila for fila in indicadores()}
    assert filas[_mes(timezone.localdate())].publicados == 1
    assert filas[_mes(timezone.localdate())].programados == 1
    assert _mes(mes_pasado) not in filas
