"""Direct cells render what Wagtail's cell template renders."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.admin.ui.tables import Column

from cms.administracion.columnas import ColumnaDirecta
from tests.factories.monitoreo import MencionFactory

pytestmark = pytest.mark.django_db


def _celda(columna, instancia):
    """The cell's HTML, without the template's spaces around its tags."""
    html = columna.render_cell_html(instancia, {"row": None, "table": None})
    return re.sub(r"\s*([<>])\s*", r"\1", " ".join(html.split()))


@pytest.mark.parametrize(
    ("nombre", "accessor", "clase"),
    [
        ("publicada_en", None, None),
        ("medio", None, "medio"),
        ("sentimiento", "get_sentimiento_display", None),
        ("area", None, None),
        ("autor", None, None),
    ],
)
def test_a_direct_cell_is_the_template_cell(nombre, accessor, clase):
    mencion = MencionFactory(
        publicada_en=timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 5)),
        autor='Ana <b>"Pérez"</b>',
        sentimiento="negativo",
    )
    directa = ColumnaDirecta(nombre, accessor=accessor, classname=clase)
    plantilla = Column(nombre, accessor=accessor, classname=clase)
    assert _celda(directa, mencion) == _celda(plantilla, mencion)


def test_a_choice_label_is_the_spanish_one_and_an_unknown_value_stays():
    mencion = MencionFactory(sentimiento="negativo")
    assert mencion.get_sentimiento_display() == "Negativo"
    mencion.sentimiento = "otro"
    assert mencion.get_sentimiento_display() == "otro"
