"""Codenames of the media library's permissions ("app.codename"), for has_perm."""

VER_TRABAJOS_VIDEO = "media_library.view_trabajovideo"
REINTENTAR_TRABAJO_VIDEO = "media_library.reintentar_trabajo"

GESTIONAR_MUSICA = tuple(
    f"media_library.{accion}_musica" for accion in ("add", "change", "view")
)

# Showing a photo or document that no live page uses in the public media library
# (and serving the document to anonymous visitors): an approver's logged action.
MOSTRAR_EN_MEDIATECA = "media_library.mostrar_en_mediateca"
