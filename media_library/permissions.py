"""Codenames of the media library's permissions ("app.codename"), for has_perm."""

VER_TRABAJOS_VIDEO = "media_library.view_trabajovideo"
REINTENTAR_TRABAJO_VIDEO = "media_library.reintentar_trabajo"

GESTIONAR_MUSICA = tuple(
    f"media_library.{accion}_musica" for accion in ("add", "change", "view")
)

# Showing a photo or document that no live page uses in the public media library
# (and serving the document to anonymous visitors): an approver's logged action.
MOSTRAR_EN_MEDIATECA = "media_library.mostrar_en_mediateca"

# The video programme (003 P01 1.2): the head programmes and assigns; producers
# see and move their own (media_library/programa.py).
PROGRAMAR_VIDEO = "media_library.programar_video"
VER_PROGRAMA = "media_library.view_programavideo"
CAMBIAR_PROGRAMA = "media_library.change_programavideo"
PROGRAMA_DE_VIDEOS = tuple(
    f"media_library.{accion}_programavideo"
    for accion in ("add", "change", "delete", "view")
)
