"""Informes → Indicadores: one screen, its charts and tables, bounded queries,
who may see it, and the monthly PDF report that becomes a record."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from archivo.models import Registro
from cms.indicadores import registrados
from indicadores.models import InformeIndicadores
from tests.admin import cliente, denegada
from tests.factories import (
    BoletinPageFactory,
    MencionFactory,
    ProgramaVideoFactory,
    ReporteMonitoreoFactory,
)

TABLERO = "indicadores:tablero"


def _negada(respuesta):
    return denegada(respuesta) or respuesta.status_code in (403, 404)


def _consultas(client, url, **parametros):
    with CaptureQueriesContext(connection) as capturadas:
        assert client.get(url, parametros).status_code == 200
    return len(capturadas)


def _filas_de(n, sala, dia, desde=0):
    BoletinPageFactory.create_batch(n, parent=sala, publicada=True)
    MencionFactory.create_batch(2 * n, nota=True, publicada_en=dia)
    MencionFactory.create_batch(n, queja=True, publicada_en=dia)
    ProgramaVideoFactory.create_batch(n, fecha_compromiso=dia.date())
    for k in range(desde, desde + n):
        ReporteMonitoreoFactory(fecha=dia.date() - datetime.timedelta(days=k))


def test_the_dashboard_shows_every_indicator_with_chart_table_and_footnote(
    institucion_compartida,
):
    BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
    respuesta = cliente("coordinacion").get(reverse(TABLERO), {"tipo": "anio"})
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    for ind in registrados():
        assert str(ind.nombre) in html
        assert str(ind.definicion) in html
        assert f'id="indicador-{ind.slug}"' in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="grafica"') == len(
        registrados()
    )
    assert html.count("<caption>") == len(registrados())
    # No inline script or style: the admin's CSP holds.
    assert "<script>" not in html and 'style="' not in html.split("<svg", 1)[1]
    assert reverse("indicadores:filas", args=("boletines",)) in html


def test_the_dashboards_queries_do_not_grow_with_the_rows(institucion_compartida):
    sala = institucion_compartida.sala
    dia = timezone.now()
    client = cliente("titular")
    url = reverse(TABLERO)
    _filas_de(1, sala, dia)
    client.get(url, {"tipo": "anio"})  # warm the session and settings caches
    pocas = _consultas(client, url, tipo="anio")
    _filas_de(2, sala, dia, desde=1)
    muchas = _consultas(client, url, tipo="anio")
    assert muchas == pocas
    assert pocas < 60


def test_without_the_permission_the_dashboard_tables_and_rows_are_refused(
    institucion_compartida,
):
    for usuario in ("editor", "enlace", "monitoreo"):
        client = cliente(usuario)
        assert _negada(client.get(reverse(TABLERO)))
        assert _negada(
            client.get(
                reverse("indicadores:tabla", args=("boletines",)), {"export": "csv"}
            )
        )
        assert _negada(client.get(reverse("indicadores:filas", args=("boletines",))))
    # The archivist sees the dashboard, not the complaints behind a figure.
    archivo = cliente("archivo")
    assert archivo.get(reverse(TABLERO)).status_code == 200
    assert _negada(archivo.get(reverse("indicadores:filas", args=("quejas",))))
    assert (
        archivo.get(reverse("indicadores:filas", args=("boletines",))).status_code
        == 200
    )


def test_an_unknown_indicator_is_not_found(institucion_compartida):
    respuesta = cliente("titular").get(reverse("indicadores:tabla", args=("nada",)))
    assert respuesta.status_code == 404


def test_the_monthly_pdf_report_is_generated_and_becomes_a_record(
    institucion_compartida,
):
    BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
    mes = timezone.localdate().replace(day=1)
    assert _negada(
        cliente("archivo").post(
            reverse("indicadores:generar_informe"), {"periodo": mes.isoformat()}
        )
    )
    respuesta = cliente("titular").post(
        reverse("indicadores:generar_informe"), {"periodo": mes.isoformat()}
    )
    assert respuesta.status_code == 302
    informe = InformeIndicadores.objects.get()
    assert informe.periodo_inicio == mes
    registro = Registro.objects.de_objeto(informe).get()
    assert registro.tipo == "Informe mensual de indicadores"
    assert registro.folio == f"{mes:%Y-%m}"
    (instantanea,) = registro.instantaneas.all()
    assert instantanea.archivos and instantanea.archivos[0]["sha256"]
    descarga = cliente("coordinacion").get(
        reverse("indicadores:informe", args=(informe.pk,))
    )
    contenido = b"".join(descarga.streaming_content)
    assert contenido.startswith(b"%PDF")
    assert _negada(
        cliente("editor").get(reverse("indicadores:informe", args=(informe.pk,)))
    )


def test_every_indicators_table_and_rows_export_xlsx(institucion_compartida):
    client = cliente("titular")
    for ind in registrados():
        for vista in ("tabla", "filas"):
            respuesta = client.get(
                reverse(f"indicadores:{vista}", args=(ind.slug,)), {"export": "xlsx"}
            )
            assert respuesta["Content-Type"].startswith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml"
            ), (ind.slug, vista)
            contenido = (
                b"".join(respuesta.streaming_content)
                if respuesta.streaming
                else respuesta.content
            )
            assert contenido.startswith(b"PK"), (ind.slug, vista)
