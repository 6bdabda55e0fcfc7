"""An index on the pages' ``url_path``, for the one-query routing.

``cms/cache/rutas.py`` finds every page of an address in one query
(``url_path IN (…)``). Wagtail routes by slug level by level and has no index on
``url_path``: with 100,000 boletines PostgreSQL scanned the whole page table on
every first visit (28 ms of a first visit's 83). The table is Wagtail's, so the
index is made here with SQL both databases accept.
"""

from django.db import migrations

CREAR = "CREATE INDEX IF NOT EXISTS cms_pagina_url_path ON wagtailcore_page (url_path)"
BORRAR = "DROP INDEX IF EXISTS cms_pagina_url_path"


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_nombres_de_wagtail_en_espanol"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunSQL(CREAR, BORRAR)]
