"""The demo institution, loaded once: what it holds, and every export, inventory
and report run over all of it (a bug that only some demo content triggers shows
here)."""

import csv
import io
import json
from io import StringIO

import bagit
import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from archivo.inventarios import filas
from archivo.models import Registro, SerieDocumental
from boletines.models import BoletinIndexPage, BoletinPage, Folio
from boletines.views import indicadores
from campanas.models import CampanaIndexPage, CampanaPage
from cms.indicadores import ANIO, MES, Periodo, registrados
from home.models import HomePage
from media_library.models import VideoIndexPage
from monitoreo.models import ControlSintesis, Sintesis
from tests.admin import cliente
from tests.factories import VideoPageFactory
from workflows.models import AprobacionCuatroOjosTask

SLUG = "jornada-vacunacion-influenza-planteles"

pytestmark = pytest.mark.usefixtures("demo_compartida")


def _tareas(seccion):
    return [t.name for t in seccion.get_workflow().tasks]


# What the demo holds.


def test_setup_demo_loads_the_series_of_the_manuals_inventories():
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


def test_setup_demo_gives_the_demo_boletines_consecutive_folios_in_publication_order():
    folios = Folio.objects.order_by("asignado")
    for anio in {f.anio for f in folios}:
        numeros = [f.numero for f in folios if f.anio == anio]
        assert numeros == list(range(1, len(numeros) + 1))
    assert folios.count() == BoletinPage.objects.live().count()


def test_the_demo_boletines_carry_the_date_they_went_out_everywhere():
    """Published on their own date: Wagtail's dates, the folio, the record."""
    hoy = timezone.localdate()
    for boletin in BoletinPage.objects.live():
        fecha = timezone.localtime(boletin.first_published_at).date()
        assert fecha == boletin.fecha < hoy
        assert timezone.localtime(boletin.last_published_at).date() == fecha
        assert timezone.localtime(boletin.folio.asignado).date() == fecha
        assert boletin.folio.anio == fecha.year
        revision = boletin.live_revision
        assert timezone.localtime(revision.created_at).date() == fecha
        registro = Registro.objects.de_objeto(boletin).get()
        (fila,) = list(filas(Registro.objects.filter(pk=registro.pk)))
        # From its publication to its last action: the publication itself, or a
        # later one (the monitoring desk noting its coverage today).
        ultima = timezone.localtime(registro.ultima_accion_en).date()
        assert fila[5] == f"{fecha:%d/%m/%Y} – {ultima:%d/%m/%Y}"
        if registro.ultima_accion == "Publicado":
            assert ultima == fecha


def test_this_months_boletines_indicator_reads_a_believable_figure_on_the_demo():
    mes = timezone.localdate().replace(day=1)
    fila = {f.mes: f for f in indicadores()}[mes]
    publicados_este_mes = BoletinPage.objects.live().filter(fecha__gte=mes).count()
    assert fila.publicados == publicados_este_mes
    # Those published, plus the draft waiting in Coordinación's queue.
    assert fila.programados == publicados_este_mes + 1


def test_setup_demo_assigns_the_default_workflows_to_the_sections():
    assert BoletinIndexPage.objects.get().get_workflow().name == "Boletín"
    assert _tareas(BoletinIndexPage.objects.get()) == [
        "Revisión de Coordinación",
        "Autorización de la Titular",
    ]
    assert _tareas(CampanaIndexPage.objects.get()) == ["Autorización de la Titular"]
    assert _tareas(VideoIndexPage.objects.get()) == [
        "Visto bueno de la Jefatura (vista previa)",
        "Autorización final",
    ]
    assert HomePage.objects.get().get_workflow().name == "Página institucional"
    assert all(
        isinstance(t.specific, AprobacionCuatroOjosTask)
        for t in BoletinIndexPage.objects.get().get_workflow().tasks
    )


def test_demo_draft_waits_in_coordinacions_queue():
    borrador = BoletinPage.objects.get(live=False)
    estado = borrador.current_workflow_task_state
    assert estado.task.name == "Revisión de Coordinación"
    assert estado.workflow_state.requested_by.username == "editor"


# Every export, inventory and report over the whole demo.


@pytest.mark.parametrize("formato", ["csv", "xlsx", "json"])
def test_export_records_writes_every_record_of_the_demo(formato, tmp_path):
    destino = tmp_path / f"registros.{formato}"
    call_command(
        "export_records", "--format", formato, "--out", str(destino), stderr=StringIO()
    )
    total = Registro.objects.count()
    assert total >= 10
    if formato == "csv":
        filas = list(csv.DictReader(destino.open(encoding="utf-8-sig")))
    elif formato == "xlsx":
        hoja = openpyxl.load_workbook(destino).active
        filas = list(hoja.iter_rows(min_row=2, values_only=True))
    else:
        filas = json.loads(destino.read_text(encoding="utf-8"))
        filas = filas["registros"] if isinstance(filas, dict) else filas
    assert len(filas) == total
    tipos = set(Registro.objects.values_list("tipo", flat=True))
    assert {"Boletín", "Campaña", "Fotografía"} <= tipos


def test_the_bagit_package_of_the_whole_demo_validates(tmp_path):
    """A video on record included: its master once made the export fail
    (``ValueError: Field 'id' expected a number but got '48-archivo_maestro'``).

    ``--sin-historial`` leaves the demo's ffmpeg clip out, so a video with a
    placeholder master is published here, as ``make run``'s demo publishes one.
    """
    video = VideoPageFactory(
        parent=VideoIndexPage.objects.get(),
        publicada=True,
        title="Recorrido por los talleres del Plantel Torreón",
        archivo_maestro=ContentFile(b"maestro del video", name="recorrido.mp4"),
    )
    destino = tmp_path / "transferencia"
    call_command(
        "export_records", "--format", "bagit", "--out", str(destino), stderr=StringIO()
    )
    bolsa = bagit.Bag(str(destino))
    bolsa.validate()
    assert len(list(bolsa.payload_files())) > Registro.objects.count()
    registro = Registro.objects.de_objeto(video).get()
    (maestro,) = (
        destino / "data" / "registros" / f"{registro.pk:08d}" / "archivos"
    ).iterdir()
    assert maestro.read_bytes() == b"maestro del video"


@pytest.mark.parametrize("tipo", ["general", "primaria", "secundaria", "baja"])
@pytest.mark.parametrize("formato", ["xlsx", "pdf"])
def test_each_inventory_of_the_demo_is_written(tipo, formato, tmp_path):
    destino = tmp_path / f"{tipo}.{formato}"
    call_command(
        "inventario",
        tipo,
        "--format",
        formato,
        "--out",
        str(destino),
        stderr=StringIO(),
    )
    contenido = destino.read_bytes()
    if formato == "pdf":
        assert contenido.startswith(b"%PDF")
    else:
        libro = openpyxl.load_workbook(io.BytesIO(contenido))
        assert libro.active.max_row >= 1
    if tipo == "general":
        assert formato == "pdf" or (
            openpyxl.load_workbook(io.BytesIO(contenido)).active.max_row
            > Registro.objects.count()
        )


def _cuerpo(respuesta):
    """The bytes of a successful download, streamed or not."""
    assert respuesta.status_code == 200
    if respuesta.streaming:
        return b"".join(respuesta.streaming_content)
    return respuesta.content


def _csv(respuesta):
    return list(csv.reader(io.StringIO(_cuerpo(respuesta).decode("utf-8-sig"))))


def _xlsx(respuesta):
    return openpyxl.load_workbook(io.BytesIO(_cuerpo(respuesta))).active


@pytest.mark.parametrize(
    ("usuario", "url"),
    [
        ("archivo", "/admin/archivo/registro/"),
        ("archivo", "/admin/bitacora/"),
        ("archivo", "/admin/envios/"),
        ("titular", "/admin/indicadores/boletines/"),
    ],
)
def test_each_admin_report_of_the_demo_exports_csv_and_xlsx(usuario, url):
    filas = _csv(cliente(usuario).get(url, {"export": "csv"}))
    assert len(filas) >= 2  # headings and at least one row of the demo
    hoja = _xlsx(cliente(usuario).get(url, {"export": "xlsx"}))
    assert hoja.max_row == len(filas)


def test_the_records_workspace_lists_the_whole_demo():
    respuesta = cliente("archivo").get("/admin/archivo/registro/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert BoletinPage.objects.get(slug=SLUG).title in html


def test_the_campus_compliance_report_covers_the_demo_campuses():
    respuesta = cliente("coordinacion").get("/admin/campanas/cumplimiento/")
    assert respuesta.status_code == 200
    assert "Plantel Torreón" in respuesta.content.decode()


def test_the_demo_has_five_days_of_sintesis_in_every_state():
    dias = list(Sintesis.objects.order_by("fecha"))
    assert len(dias) == 5
    enviadas = ControlSintesis.objects.exclude(enviada_en=None).order_by(
        "sintesis__fecha"
    )
    assert [c.tardia for c in enviadas] == [False, False, True]
    assert all(c.pdf and c.bitacora for c in enviadas)
    assert Registro.objects.filter(tipo="Síntesis informativa").count() == 3
    en_revision, hoy = dias[3], dias[4]
    assert not en_revision.live and en_revision.current_workflow_state is not None
    assert not hoy.live and hoy.current_workflow_state is None
    assert all(s.elementos.count() == 3 for s in dias)
    assert all(e.recorte.escaneo_id for s in dias for e in s.elementos.all())


def test_every_indicator_over_the_whole_demo_renders_and_exports():
    """The dashboard for this month and this year, and every indicator's table and
    rows as CSV and XLSX, over all the demo's content, through the real views."""
    titular = cliente("titular")
    for tipo in (MES, ANIO):
        tablero = titular.get(reverse("indicadores:tablero"), {"tipo": tipo})
        assert tablero.status_code == 200
        for ind in registrados():
            assert str(ind.nombre) in tablero.content.decode()
            periodo = Periodo.que_contiene(timezone.localdate(), tipo)
            parametros = {"tipo": tipo, "periodo": periodo.valor}
            for vista in ("tabla", "filas"):
                url = reverse(f"indicadores:{vista}", args=(ind.slug,))
                respuesta = titular.get(url, {**parametros, "export": "csv"})
                assert respuesta.status_code == 200, (ind.slug, vista, tipo)
                texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
                lineas = list(csv.reader(io.StringIO(texto)))
                if vista == "filas":
                    assert len(lineas) - 1 == len(list(ind.filas(periodo))), ind.slug
                else:
                    ultima = ind.tendencia(periodo)[-1]
                    assert lineas[1][2] == str(ultima.realizados), ind.slug
                xlsx = titular.get(url, {**parametros, "export": "xlsx"})
                contenido = b"".join(xlsx.streaming_content)
                libro = openpyxl.load_workbook(io.BytesIO(contenido))
                assert libro.active.max_row >= 1, (ind.slug, vista)
