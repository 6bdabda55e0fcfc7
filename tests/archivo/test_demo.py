"""The demo's records catalogue, as ``setup_demo`` loads it (the full demo, once)."""

from io import StringIO

from django.core.management import call_command

from archivo.models import Registro, SerieDocumental
from boletines.models import BoletinPage
from campanas.models import CampanaPage

SLUG = "jornada-vacunacion-influenza-planteles"


def test_setup_demo_loads_the_series_of_the_manuals_inventories(demo):
    """The catalogue, loaded once, and before the content that is on record in it."""
    series = {s.nombre: s for s in SerieDocumental.objects.all()}
    assert series["Publicaciones en redes sociales"].plazo_tramite == 3
    for nombre in ("Formato Boletín Informativo", "Vídeo", "Fotografías"):
        assert series[nombre].plazo_tramite == 1
    boletin = series["Formato Boletín Informativo"]
    assert boletin.codigo == "CETEC/9C/9C.3"
    assert boletin.puesto_responsable == (
        "Jefe de la Unidad de Enlace de Comunicación Social"
    )
    # The demo's content, published outside the workflow, is already on record.
    pagina = BoletinPage.objects.get(slug=SLUG)
    registro = Registro.objects.de_objeto(pagina).get()
    assert registro.serie == boletin
    assert registro.folio == pagina.folio_texto != ""
    assert registro.instantaneas.count() == 1
    campana = CampanaPage.objects.live().first()
    assert Registro.objects.de_objeto(campana).get().serie.plazo_tramite == 3

    cuenta = SerieDocumental.objects.count()
    call_command("setup_demo", "--sin-historial", stdout=StringIO())
    assert SerieDocumental.objects.count() == cuenta
