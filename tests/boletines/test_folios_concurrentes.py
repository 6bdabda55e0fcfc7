"""Folios under concurrency: two approvals at the same moment, real PostgreSQL.

In a module of its own: it commits (a transactional test), so it cannot share a
module with the tests that run inside the module's institution transaction.
"""

import threading

import pytest
from django.db import connection

from boletines.models import BoletinPage, ContadorFolio, Folio
from tests.boletines.test_folios import ANIO, _nuevo
from tests.factories import construir_institucion


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="la concurrencia real se prueba en PostgreSQL (make test corre ambas bases)",
)
def test_two_boletines_approved_at_the_same_moment_get_consecutive_folios(
    base_transaccional,
):
    construir_institucion()
    _nuevo("Publicado antes")
    pendientes = [_nuevo(f"Simultáneo {n}", publicar=False) for n in range(4)]
    antes = ContadorFolio.objects.get(anio=ANIO).ultimo
    salida = threading.Barrier(len(pendientes))
    errores = []

    def publicar(boletin):
        try:
            salida.wait()
            BoletinPage.objects.get(pk=boletin.pk).latest_revision.publish()
        except Exception as error:  # noqa: BLE001 - reported by the assertion
            errores.append(error)
        finally:
            connection.close()

    hilos = [threading.Thread(target=publicar, args=(b,)) for b in pendientes]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=60)

    assert errores == []
    numeros = sorted(
        Folio.objects.filter(boletin__in=pendientes).values_list("numero", flat=True)
    )
    assert numeros == [antes + 1, antes + 2, antes + 3, antes + 4]
