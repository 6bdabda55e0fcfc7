"""Data built once for a whole test module, inside one transaction per database."""

from contextlib import contextmanager

from django.db import connections, transaction


@contextmanager
def transaccion_del_modulo():
    """An open transaction on every database, rolled back when the block ends.

    A module fixture builds its data inside it; each test's own transaction is
    then a savepoint within it, so a test's changes vanish after it and the
    module's at its end.
    """
    atomicos = [transaction.atomic(using=alias) for alias in connections]
    for atomico in atomicos:
        atomico.__enter__()
    try:
        yield
    finally:
        for alias in connections:
            transaction.set_rollback(True, using=alias)
        for atomico in reversed(atomicos):
            atomico.__exit__(None, None, None)
