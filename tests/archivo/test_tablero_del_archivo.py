"""The archivist's dashboard: records near their deadline and pending dispositions."""

import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from archivo import disposicion as flujo
from archivo.models import Registro
from tests.admin import cliente

TITULO = "Pendientes del archivo"


def _tablero(usuario):
    return cliente(usuario).get(reverse("wagtailadmin_home")).content.decode()


def test_the_archivist_sees_records_near_their_deadline_and_pending_dispositions(
    publicaciones,
):
    hoy = timezone.localdate()
    proximo, lejano, vencido, *_ = Registro.objects.filter(tipo="Boletín").order_by(
        "pk"
    )
    Registro.objects.filter(pk=proximo.pk).update(
        fin_tramite=hoy + datetime.timedelta(days=20)
    )
    Registro.objects.filter(pk=lejano.pk).update(
        fin_tramite=hoy + datetime.timedelta(days=400)
    )
    Registro.objects.filter(pk=vencido.pk).update(
        fin_tramite=datetime.date(2023, 1, 1),
        fin_concentracion=datetime.date(2025, 1, 1),
    )
    acta = flujo.proponer(
        "secundaria",
        [Registro.objects.get(pk=vencido.pk)],
        get_user_model().objects.get(username="archivo"),
        "Cumplió su plazo en concentración; valor histórico.",
    )

    html = _tablero("archivo")

    assert TITULO in html
    assert "1 registro cambia de etapa en los próximos 90 días" in html
    assert proximo.titulo in html
    assert lejano.titulo not in html
    assert reverse("archivo_disposicion", args=(acta.pk,)) in html
    assert "Propuesta: espera la aprobación de la Titular" in html
    assert "?por_vencer=90" in html


def test_only_the_archive_gets_the_panel(publicaciones):
    assert TITULO not in _tablero("editor")
    assert TITULO not in _tablero("titular")
