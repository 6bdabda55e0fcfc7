"""The archivo tests' institution: the manuals' catalogue and the demo's people."""

import pytest
from django.contrib.auth import get_user_model

from cms.management.commands.setup_demo import USUARIOS
from tests.factories.archivo import catalogo_del_manual


def _como_en_los_manuales(institucion):
    """Series named and timed as the manuals say; each person with their name.

    Records name their series and their responsable (who approved): the
    assertions read them as the archivist does.
    """
    institucion.series = catalogo_del_manual()
    for username, nombre, apellidos, _rol in USUARIOS:
        get_user_model().objects.filter(username=username).update(
            first_name=nombre, last_name=apellidos
        )
    return institucion


@pytest.fixture(scope="module")
def institucion_del_modulo(institucion_del_modulo):
    """The module's institution (tests/conftest.py), as the manuals have it."""
    return _como_en_los_manuales(institucion_del_modulo)


@pytest.fixture
def institucion(institucion):
    """This test's own institution, as the manuals have it."""
    return _como_en_los_manuales(institucion)
