"""The archivo tests' institution: the manuals' catalogue and the demo's people."""

import pytest
from django.contrib.auth import get_user_model

from demo.management.commands.setup_demo import USUARIOS
from tests.factories import BoletinPageFactory, CampanaPageFactory
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


@pytest.fixture(scope="module")
def _publicaciones_del_modulo(institucion_del_modulo):
    """Four boletines and a campaign, published (so on record) once per module."""
    sala = institucion_del_modulo.sala
    boletines = [
        BoletinPageFactory(parent=sala, publicada=True, title=titulo)
        for titulo in (
            "Entrega el Colegio equipo de cómputo al plantel Monclova",
            "Abre el plantel Saltillo la convocatoria de nuevo ingreso",
            "Gana el plantel Torreón el concurso estatal de robótica",
            "Presenta la Dirección General el informe anual de actividades",
        )
    ]
    campana = CampanaPageFactory(
        parent=institucion_del_modulo.campanas,
        publicada=True,
        title="Vida libre de violencia en el noviazgo",
    )
    return boletines, campana


@pytest.fixture
def publicaciones(_publicaciones_del_modulo, institucion_compartida):
    """The module's four boletines and campaign, inside this test's transaction."""
    return _publicaciones_del_modulo
