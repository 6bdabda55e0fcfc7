"""The ``spanish_unaccent`` text search configuration on PostgreSQL; nothing on SQLite.

Words go through ``unaccent`` and then the Snowball Spanish stemmer, so
"vacunacion" matches "vacunación" and "campañas" matches "campaña". Wagtail's
database backend uses it through ``WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"]``.
"""

from django.db import migrations

CREAR = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'spanish_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION spanish_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END
$$;
"""
BORRAR = "DROP TEXT SEARCH CONFIGURATION IF EXISTS spanish_unaccent;"


def crear(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREAR)


def borrar(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BORRAR)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(crear, borrar)]
