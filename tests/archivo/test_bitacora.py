"""The archivist exports the audit log of submissions and approvals by date."""

import csv
import io

from django.utils import timezone

from tests.admin import accion, cliente, crear_y_enviar, denegada


def _filas(respuesta):
    texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(texto)))


def test_archivo_exports_who_did_what_and_when_with_comments_as_csv(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Boletín para la bitácora")
    accion("coordinacion", boletin, "reject", "Falta la fuente de la cifra.")
    hoy = timezone.localdate().isoformat()

    respuesta = cliente("archivo").get(
        "/admin/bitacora/",
        {"timestamp_from": hoy, "timestamp_to": hoy, "export": "csv"},
    )

    assert respuesta.status_code == 200
    assert respuesta["Content-Disposition"].endswith('.csv"')
    filas = [f for f in _filas(respuesta) if f["Nombre"] == "Boletín para la bitácora"]
    acciones = {f["Tipo de acción"]: f for f in filas}
    assert "Laura Mendoza Aguirre" in {f["Usuario"] for f in filas}
    assert any("Falta la fuente de la cifra." in f["Comentario"] for f in filas)
    assert len(acciones) >= 3  # created, submitted to the workflow, rejected


def test_the_date_range_leaves_out_other_days(institucion_compartida):
    crear_y_enviar("editor", "Boletín de hoy")
    respuesta = cliente("archivo").get(
        "/admin/bitacora/",
        {"timestamp_from": "2020-01-01", "timestamp_to": "2020-01-31", "export": "csv"},
    )
    assert _filas(respuesta) == []


def test_archivo_also_gets_xlsx(institucion_compartida):
    respuesta = cliente("archivo").get("/admin/bitacora/", {"export": "xlsx"})
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_editors_cannot_read_the_whole_audit_log(institucion_compartida):
    assert denegada(cliente("editor").get("/admin/bitacora/", {"export": "csv"}))
