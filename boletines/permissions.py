"""Codenames of the newsroom's permissions ("app.codename"), for has_perm and roles."""

VER_ENVIOS = "boletines.view_envio"
REINTENTAR_ENVIO = "boletines.reintentar_envio"
VER_INDICADORES = "boletines.ver_indicadores"

GESTIONAR_AGENDA = tuple(
    f"boletines.{accion}_evento" for accion in ("add", "change", "delete", "view")
)
GESTIONAR_LISTAS_DE_DISTRIBUCION = tuple(
    f"boletines.{accion}_listadistribucion" for accion in ("add", "change", "view")
)
GESTIONAR_CONTACTOS_DE_PRENSA = tuple(
    f"boletines.{accion}_contactoprensa" for accion in ("add", "change", "view")
)
