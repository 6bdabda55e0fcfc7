"""Each campus's evidence reports: an enlace opens, saves and exports only their own."""

import pytest
from django.urls import reverse
from django.utils import timezone

from campanas.models import ReporteCumplimiento
from tests.admin import cliente, denegada

VISTAS = ["edit", "history", "usage", "delete", "inspect", "copy"]


def _url(vista, reporte):
    return reverse(
        f"wagtailsnippets_campanas_reportecumplimiento:{vista}", args=(reporte.pk,)
    )


@pytest.fixture
def reportes(institucion_compartida):
    """One report of Torreón (the demo enlace's campus) and one of Saltillo."""
    return {
        slug: ReporteCumplimiento.objects.create(
            plantel=institucion_compartida.planteles[slug],
            fecha=timezone.localdate(),
            descripcion=f"Evidencia de {slug}",
            enlaces=f"https://facebook.com/cepru-{slug}/posts/1",
        )
        for slug in ("torreon", "saltillo")
    }


@pytest.mark.parametrize("vista", VISTAS)
def test_an_enlace_cannot_open_another_campus_report(reportes, vista):
    respuesta = cliente("enlace").get(_url(vista, reportes["saltillo"]))
    assert respuesta.status_code in (403, 404) or denegada(respuesta)


@pytest.mark.parametrize("vista", ["edit", "history", "usage", "inspect"])
def test_an_enlace_opens_their_own_campus_report(reportes, vista):
    assert cliente("enlace").get(_url(vista, reportes["torreon"])).status_code == 200


def test_coordinacion_inspects_every_campus_report(reportes):
    """Coordinación sees every campus's reports (read only: they are the enlaces')."""
    respuesta = cliente("coordinacion").get(_url("inspect", reportes["saltillo"]))
    assert respuesta.status_code == 200


def test_an_enlace_cannot_save_another_campus_report_into_their_own(
    institucion_compartida, reportes
):
    ajeno = reportes["saltillo"]
    datos = {
        "plantel": institucion_compartida.planteles["torreon"].pk,
        "fecha": ajeno.fecha.isoformat(),
        "descripcion": "Ahora es de Torreón",
        "enlaces": ajeno.enlaces,
    }
    respuesta = cliente("enlace").post(_url("edit", ajeno), datos)
    assert respuesta.status_code == 404
    ajeno.refresh_from_db()
    assert (ajeno.plantel.slug, ajeno.descripcion) == (
        "saltillo",
        "Evidencia de saltillo",
    )


def test_saving_cannot_move_an_own_report_to_another_campus(
    institucion_compartida, reportes
):
    propio = reportes["torreon"]
    datos = {
        "plantel": institucion_compartida.planteles["saltillo"].pk,
        "fecha": propio.fecha.isoformat(),
        "descripcion": "Pasa a Saltillo",
        "enlaces": propio.enlaces,
    }
    respuesta = cliente("enlace").post(_url("edit", propio), datos)
    assert respuesta.status_code == 200
    assert "error-message" in respuesta.content.decode()
    propio.refresh_from_db()
    assert (propio.plantel.slug, propio.descripcion) == (
        "torreon",
        "Evidencia de torreon",
    )


def test_an_enlace_cannot_delete_another_campus_report_in_bulk(reportes):
    url = reverse(
        "wagtail_bulk_action",
        args=("campanas", "reportecumplimiento", "delete"),
    )
    respuesta = cliente("enlace").post(f"{url}?id={reportes['saltillo'].pk}")
    assert respuesta.status_code in (200, 302, 403)
    assert ReporteCumplimiento.objects.filter(pk=reportes["saltillo"].pk).exists()


def test_the_export_of_an_enlace_holds_only_their_campus(reportes):
    listado = reverse("wagtailsnippets_campanas_reportecumplimiento:list_results")
    respuesta = cliente("enlace").get(listado, {"export": "csv"})
    assert respuesta.status_code == 200
    texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    assert "Evidencia de torreon" in texto
    assert "Evidencia de saltillo" not in texto
