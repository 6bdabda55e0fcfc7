"""The demo's history is published on its own dates, through the real handlers."""

import datetime

from django.utils import timezone
from wagtail.models import PageLogEntry

from archivo.inventarios import filas
from archivo.models import Registro
from boletines.models import BoletinPage
from boletines.views import indicadores
from demo.boletines import publicado_el


def test_a_history_boletin_counts_and_is_inventoried_in_its_own_month(institucion):
    fecha = datetime.date(2025, 3, 10)
    boletin = publicado_el(
        institucion.sala,
        BoletinPage,
        "historial-marzo",
        fecha=fecha,
        title="Boletín de marzo de 2025",
        lugar="Saltillo, Coahuila",
        sumario="Sumario.",
    )
    boletin = BoletinPage.objects.get(pk=boletin.pk)

    for momento in (
        boletin.first_published_at,
        boletin.last_published_at,
        boletin.live_revision.created_at,
        boletin.folio.asignado,
        PageLogEntry.objects.filter(page=boletin).latest("timestamp").timestamp,
    ):
        assert timezone.localtime(momento).date() == fecha
    assert (boletin.folio.anio, boletin.folio.numero) == (2025, 1)
    registro = Registro.objects.de_objeto(boletin).get()
    (instantanea,) = registro.instantaneas.all()
    assert timezone.localtime(instantanea.publicada).date() == fecha
    (fila,) = list(filas(Registro.objects.filter(pk=registro.pk)))
    assert fila[5] == "10/03/2025 – 10/03/2025"
    meses = {f.mes: f for f in indicadores()}
    assert (meses[datetime.date(2025, 3, 1)].publicados) == 1
    assert timezone.localdate().replace(day=1) not in meses
