"""Codenames of the campaigns' permissions ("app.codename"), for has_perm and roles."""

VER_CALENDARIO = "campanas.ver_calendario"
REGISTRAR_EVIDENCIA = "campanas.add_evidencia"
VER_EVIDENCIAS = "campanas.view_evidencia"
# Seeing every campus's compliance reports is what opens the compliance report.
VER_CUMPLIMIENTO = "campanas.view_reportecumplimiento"

GESTIONAR_INSTRUCCIONES = tuple(
    f"campanas.{accion}_instruccion" for accion in ("add", "change", "delete", "view")
)
REPORTAR_CUMPLIMIENTO = tuple(
    f"campanas.{accion}_reportecumplimiento" for accion in ("add", "change")
)
# An enlace files reports for its campus and reads the instructions sent to it.
REPORTAR = "campanas.add_reportecumplimiento"
VER_INSTRUCCIONES = "campanas.view_instruccion"
CAMBIAR_INSTRUCCIONES = "campanas.change_instruccion"
