"""Permission codenames of the records service, for ``has_perm`` and the roles matrix.

Disposition has two kinds of names that read alike: these permissions (who may
propose or approve) and the audit-log actions in ``disposicion.py``
(``ACCION_PROPONER``…, what was done). The strings coincide for proposing and
approving; the constants do not.
"""

VER_REGISTROS = "archivo.view_registro"
RESERVAR_REGISTRO = "archivo.reservar_registro"
EXPORTAR_REGISTROS = "archivo.exportar_registros"
PROPONER_DISPOSICION = "archivo.proponer_disposicion"
APROBAR_DISPOSICION = "archivo.aprobar_disposicion"

VER_INSTANTANEAS = "archivo.view_instantanea"
VER_DISPOSICIONES = "archivo.view_disposicion"

# The catalogue (snippets) uses Django's default model permissions.
VER_SERIES = "archivo.view_seriedocumental"
AGREGAR_SERIE = "archivo.add_seriedocumental"
CAMBIAR_SERIE = "archivo.change_seriedocumental"
VER_ASIGNACIONES = "archivo.view_asignacionserie"
AGREGAR_ASIGNACION = "archivo.add_asignacionserie"
CAMBIAR_ASIGNACION = "archivo.change_asignacionserie"
BORRAR_ASIGNACION = "archivo.delete_asignacionserie"
