"""A copy of the whole test database, taken once and put back many times.

The browser journeys need the demo committed (the live server's threads see
only committed rows). Loading it with ``setup_demo`` costs seconds; putting
back a copy of the tables costs a fraction of one. SQLite copies the database
with its backup API; PostgreSQL keeps the rows in a schema of its own and
copies them back inside one transaction (Django's foreign keys are deferred,
so the order does not matter), then moves every sequence past its rows.
"""

import sqlite3

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction


def _tablas():
    return sorted(
        connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
    )


def tomar(nombre):
    """Copy every table as it is now; returns what ``restaurar`` needs.

    ``nombre`` tells two copies apart (the PostgreSQL schema that holds one).
    """
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copia = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copia)
        return copia
    tablas = _tablas()
    q = connection.ops.quote_name
    esquema = f"instantanea_{nombre}"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {q(esquema)} CASCADE")
        cursor.execute(f"CREATE SCHEMA {q(esquema)}")
        for tabla in tablas:
            cursor.execute(
                f"CREATE TABLE {q(esquema)}.{q(tabla)} AS TABLE public.{q(tabla)}"
            )
    return esquema, tablas


def restaurar(copia):
    """Put every table back as ``tomar`` found it."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copia.backup(connection.connection)
    else:
        q = connection.ops.quote_name
        esquema, tablas = copia
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE " + ", ".join(f"public.{q(t)}" for t in tablas) + " CASCADE"
            )
            for tabla in tablas:
                origen = f"{q(esquema)}.{q(tabla)}"
                cursor.execute(f"INSERT INTO public.{q(tabla)} SELECT * FROM {origen}")
            modelos = apps.get_models(include_auto_created=True)
            for sentencia in connection.ops.sequence_reset_sql(no_style(), modelos):
                cursor.execute(sentencia)
    # Content types put back may differ from those this process remembers.
    ContentType.objects.clear_cache()


def soltar(copia):
    """Drop the copy."""
    if connection.vendor == "sqlite":
        copia.close()
        return
    with connection.cursor() as cursor:
        esquema = connection.ops.quote_name(copia[0])
        cursor.execute(f"DROP SCHEMA IF EXISTS {esquema} CASCADE")
