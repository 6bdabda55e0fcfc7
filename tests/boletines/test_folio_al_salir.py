"""An embargoed boletín takes its folio, and a correction clears the 410 notice,
when it goes live, not when it is approved."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from boletines.models import BoletinPage, Folio
from boletines.views import indicadores
from tests.admin import accion, cliente, crear_y_enviar, editar
from tests.factories import BoletinPageFactory
from workflows.models import Retiro


def _aprobar(boletin):
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")
    return BoletinPage.objects.get(pk=boletin.pk)


def _llega_la_hora(boletin):
    """Move the approved embargo into the past and let the scheduler run."""
    revision = Revision.objects.get(pk=boletin.latest_revision_id)
    hora = timezone.now() - timedelta(seconds=30)
    revision.content["go_live_at"] = hora.isoformat()
    revision.approved_go_live_at = hora
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("scheduler", "--once", stdout=StringIO())
    return BoletinPage.objects.get(pk=boletin.pk)


def _publicados_este_mes():
    mes = timezone.localdate().replace(day=1)
    return {fila.mes: fila.publicados for fila in indicadores()}.get(mes, 0)


def test_an_embargoed_boletin_gets_its_folio_at_go_live_and_counts_then(
    client, institucion_compartida
):
    antes = _publicados_este_mes()
    boletin = _aprobar(
        crear_y_enviar("editor", "Boletín embargado sin folio", go_live_at="2030-01-15")
    )

    assert not boletin.live
    assert not Folio.objects.filter(boletin=boletin).exists()
    assert _publicados_este_mes() == antes
    informe = cliente("titular").get(reverse("indicadores_boletines:index"))
    assert informe.status_code == 200

    boletin = _llega_la_hora(boletin)

    assert boletin.live
    folio = Folio.objects.get(boletin=boletin)
    assert folio.asignado.date() == timezone.now().date()
    assert _publicados_este_mes() == antes + 1
    assert str(folio) in client.get(boletin.url).content.decode()


def test_the_withdrawn_notice_stays_until_the_embargoed_correction_goes_live(
    client, institucion_compartida
):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala,
        title="Boletín con una cifra equivocada",
        slug="boletin-con-cifra-equivocada",
        publicada=True,
        con_fotos=True,
    )
    url = boletin.url
    cliente("titular").post(
        reverse("retirar_por_error", args=(boletin.pk,)),
        {"motivo": "La cifra de becas era 1,200, no 12,000."},
    )
    assert client.get(url).status_code == 410

    editar(
        "editor",
        BoletinPage.objects.get(pk=boletin.pk),
        accion="action-submit",
        go_live_at="2030-01-15 09:00",
    )
    boletin = _aprobar(BoletinPage.objects.get(pk=boletin.pk))

    assert not boletin.live
    assert Retiro.objects.get(page=boletin).republicado_en is None
    assert client.get(url).status_code == 410

    boletin = _llega_la_hora(boletin)

    assert boletin.live
    assert Retiro.objects.get(page=boletin).republicado_en is not None
    assert client.get(url).status_code == 200
