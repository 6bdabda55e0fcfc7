"""One migrated database for the whole run, copied to every xdist worker.

Each worker used to run all ~230 migrations on its own test database: about
25 s of CPU each, four at once now that ``make test`` runs the SQLite and the
PostgreSQL passes together on two cores. Now each pass's controller process
migrates one database before its workers start and each worker starts from a
copy: ``CREATE DATABASE … TEMPLATE`` on PostgreSQL; on SQLite the controller
migrates a file (``DATABASES["default"]["TEST"]["NAME"]``, in memory-backed
/dev/shm) and each worker copies it. A run without xdist (``-n 0``) keeps the
usual setup (``django_db_setup`` in tests/conftest.py).

SQLite tests use a file, not Django's in-memory database: with an in-memory
database the live server's threads and the test share one connection object,
and a request still running when a browser journey's test reads or writes
breaks both (``on_commit() cannot be used in manual transaction management``,
a login that never arrives). With a file each thread has its own connection,
as with PostgreSQL; WAL and the busy timeout (cms/settings/environment.py)
order their writes.
"""

import os
import shutil

from django.db import connections
from django.test.utils import get_unique_databases_and_mirrors
from pytest_django.plugin import blocking_manager_key


def _alias_unico():
    """The one database alias the suite uses; more would need more copies."""
    unicos, espejos = get_unique_databases_and_mirrors()
    alias = [a for _, nombres in unicos.values() for a in nombres]
    if len(alias) != 1 or espejos:
        raise RuntimeError(f"La plantilla de pruebas espera una base, no {alias}")
    return alias[0]


def crear(config):
    """In the controller: migrate the template; returns what workers need."""
    alias = _alias_unico()
    conexion = connections[alias]
    with config.stash[blocking_manager_key].unblock():
        nombre = conexion.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        # SQLite: closing checkpoints the WAL, so the file alone is the database.
        conexion.close()
    return {"alias": alias, "vendedor": conexion.vendor, "nombre": nombre, "copias": {}}


def copiar(config, plantilla, trabajador):
    """In the controller: the PostgreSQL copy of the template for one worker.

    SQLite workers copy the template file themselves (``usar``).
    """
    if plantilla["vendedor"] != "postgresql":
        return
    conexion = connections[plantilla["alias"]]
    with config.stash[blocking_manager_key].unblock():
        # Closes the template's connection first, as CREATE … TEMPLATE needs.
        conexion.creation.clone_test_db(suffix=trabajador, verbosity=0)
        conexion.close()
    clon = conexion.creation.get_test_db_clone_settings(trabajador)
    plantilla["copias"][trabajador] = clon["NAME"]


def usar(plantilla, trabajador):
    """In a worker: point the connection at this worker's copy of the template.

    Returns the SQLite file to delete when the worker ends, or None.
    """
    conexion = connections[plantilla["alias"]]
    conexion.close()
    if plantilla["vendedor"] == "postgresql":
        conexion.settings_dict["NAME"] = plantilla["copias"][trabajador]
        return None
    base, extension = os.path.splitext(plantilla["nombre"])
    copia = f"{base}-{trabajador}{extension}"
    shutil.copyfile(plantilla["nombre"], copia)
    conexion.settings_dict["NAME"] = copia
    return copia


def borrar_archivo(nombre):
    """A SQLite database file and the WAL files beside it."""
    for sufijo in ("", "-wal", "-shm"):
        if os.path.exists(nombre + sufijo):
            os.remove(nombre + sufijo)


def borrar(config, plantilla):
    """In the controller, at the end: drop the template and its copies."""
    if plantilla["vendedor"] == "sqlite":
        borrar_archivo(plantilla["nombre"])
        return
    creacion = connections[plantilla["alias"]].creation
    with config.stash[blocking_manager_key].unblock():
        for nombre in [*plantilla["copias"].values(), plantilla["nombre"]]:
            creacion._destroy_test_db(nombre, verbosity=0)
