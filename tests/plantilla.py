"""One migrated database for the whole run, copied to every xdist worker.

Each worker used to run all ~230 migrations on its own test database: about
25 s of CPU each, four at once now that ``make test`` runs the SQLite and the
PostgreSQL passes together on two cores. Now each pass's controller process
migrates one database before its workers start and each worker starts from a
copy: ``CREATE DATABASE … TEMPLATE`` on PostgreSQL; on SQLite the controller
migrates in memory and saves the result to a file, which each worker loads
into its own in-memory database with SQLite's backup API. A run without xdist
(``-n 0``) keeps the usual setup (``django_db_setup`` in tests/conftest.py).
"""

import os
import sqlite3
import tempfile

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
        if conexion.vendor == "sqlite":
            carpeta = tempfile.mkdtemp(prefix="pruebas-plantilla-")
            nombre = os.path.join(carpeta, "plantilla.sqlite3")
            conexion.ensure_connection()
            with sqlite3.connect(nombre) as archivo:
                conexion.connection.backup(archivo)
        conexion.close()
    return {"alias": alias, "vendedor": conexion.vendor, "nombre": nombre, "copias": {}}


def copiar(config, plantilla, trabajador):
    """In the controller: the PostgreSQL copy of the template for one worker.

    SQLite workers load the template file into memory themselves (``usar``).
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

    Returns a connection to hold while the tests run (SQLite), or None.
    """
    conexion = connections[plantilla["alias"]]
    conexion.close()
    if plantilla["vendedor"] == "postgresql":
        conexion.settings_dict["NAME"] = plantilla["copias"][trabajador]
        return None
    # The in-memory name Django gives a SQLite test database.
    en_memoria = f"file:memorydb_{plantilla['alias']}?mode=memory&cache=shared"
    retenida = sqlite3.connect(en_memoria, uri=True, check_same_thread=False)
    with sqlite3.connect(plantilla["nombre"]) as archivo:
        archivo.backup(retenida)
    conexion.settings_dict["NAME"] = en_memoria
    return retenida


def borrar(config, plantilla):
    """In the controller, at the end: drop the template and its copies."""
    if plantilla["vendedor"] == "sqlite":
        carpeta = os.path.dirname(plantilla["nombre"])
        os.remove(plantilla["nombre"])
        os.rmdir(carpeta)
        return
    creacion = connections[plantilla["alias"]].creation
    with config.stash[blocking_manager_key].unblock():
        for nombre in [*plantilla["copias"].values(), plantilla["nombre"]]:
            creacion._destroy_test_db(nombre, verbosity=0)
