"""The permission codenames workflows checks, as ``has_perm`` takes them."""

# Retirar por error: the takedown and the corrected republication (``Retiro``).
RETIRAR_POR_ERROR = "workflows.retirar_por_error"
# The activity log (bitácora) is Wagtail's own permission on page log entries.
VER_BITACORA = "wagtailcore.view_pagelogentry"
