"""Codenames of the monitoring desk ("app.codename"), for the roles matrix."""

# The desk itself (Monitoreo, Coordinación, Titular): every mention, with the
# citizens' personal data in it.
VER_MENCION = "monitoreo.view_mencion"
AGREGAR_MENCION = "monitoreo.add_mencion"
CAMBIAR_MENCION = "monitoreo.change_mencion"
CANALIZAR_MENCION = "monitoreo.canalizar_mencion"
IMPORTAR_MENCIONES = "monitoreo.importar_menciones"
# Áreas responsables: only what was channelled to their área.
RESPONDER_MENCION = "monitoreo.responder_mencion"

DIRECTORIO = (
    "monitoreo.add_entrevista",
    "monitoreo.change_entrevista",
    "monitoreo.view_entrevista",
    "monitoreo.add_medio",
    "monitoreo.change_medio",
    "monitoreo.view_medio",
    "monitoreo.add_asignacionmonitoreo",
    "monitoreo.change_asignacionmonitoreo",
    "monitoreo.delete_asignacionmonitoreo",
    "monitoreo.view_asignacionmonitoreo",
)
REGLAS = (
    "monitoreo.add_formatoimportacion",
    "monitoreo.change_formatoimportacion",
    "monitoreo.view_formatoimportacion",
    "monitoreo.add_regla",
    "monitoreo.change_regla",
    "monitoreo.delete_regla",
    "monitoreo.view_regla",
)
AREAS = (
    "monitoreo.add_responsablearea",
    "monitoreo.change_responsablearea",
    "monitoreo.delete_responsablearea",
    "monitoreo.view_responsablearea",
    "monitoreo.add_diainhabil",
    "monitoreo.change_diainhabil",
    "monitoreo.delete_diainhabil",
    "monitoreo.view_diainhabil",
    "monitoreo.add_plazotipo",
    "monitoreo.change_plazotipo",
    "monitoreo.view_plazotipo",
    "monitoreo.add_destinatarioreporte",
    "monitoreo.change_destinatarioreporte",
    "monitoreo.delete_destinatarioreporte",
    "monitoreo.view_destinatarioreporte",
)
VER_REPORTE = "monitoreo.view_reportemonitoreo"
GENERAR_REPORTE = "monitoreo.add_reportemonitoreo"
ENVIAR_REPORTE = "monitoreo.enviar_reporte"

# The síntesis informativa (P04): Monitoreo clips, scans and assembles; the head
# authorises it through the workflow (the approval task's groups, not a codename).
VER_SINTESIS = "monitoreo.view_sintesis"
SINTESIS = (
    "monitoreo.add_sintesis",
    "monitoreo.change_sintesis",
    VER_SINTESIS,
    "monitoreo.add_recorte",
    "monitoreo.change_recorte",
    "monitoreo.delete_recorte",
    "monitoreo.view_recorte",
    "monitoreo.add_paginaescaneada",
    "monitoreo.change_paginaescaneada",
    "monitoreo.delete_paginaescaneada",
    "monitoreo.view_paginaescaneada",
)

MONITOREO = (
    VER_MENCION,
    AGREGAR_MENCION,
    CAMBIAR_MENCION,
    CANALIZAR_MENCION,
    IMPORTAR_MENCIONES,
    *DIRECTORIO,
    *REGLAS,
    VER_REPORTE,
    GENERAR_REPORTE,
    *SINTESIS,
)
# The head reviews and sends the daily report; Coordinación and the Titular also
# keep the áreas' contacts and the calendar of non-working days.
JEFATURA = (*MONITOREO, *AREAS, ENVIAR_REPORTE)
