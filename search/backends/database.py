"""Wagtail's database search backend, made to forgive accents and Spanish plurals.

On both databases the index stores each word as its folded Snowball stem and the
query is folded the same way (``search/normalizacion.py``), so "vacunacion" matches
"Vacunación" and "campañas" matches "campaña" identically on SQLite (FTS5 has no
Spanish stemmer) and PostgreSQL, where ``SEARCH_CONFIG`` also names the
``spanish_unaccent`` configuration (``search/migrations/0001``) for stop words.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as _backend_de_wagtail


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks up)
    """The Spanish backend for SQLite or PostgreSQL; Wagtail's own one elsewhere."""
    if connection.vendor == "postgresql":
        from .postgres_espanol import (  # noqa: PLC0415 — only on PostgreSQL
            BackendPostgresEspanol,
        )

        return BackendPostgresEspanol(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import (  # noqa: PLC0415 — only on SQLite
            fts5_available,
            fts_table_exists,
        )

        if fts5_available() and fts_table_exists():
            from .sqlite_espanol import (  # noqa: PLC0415 — only with FTS5
                BackendSQLiteEspanol,
            )

            return BackendSQLiteEspanol(params)
    return _backend_de_wagtail(params)
