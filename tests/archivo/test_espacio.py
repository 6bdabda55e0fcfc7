"""The archivist's workspace: filtered records, exports, read-only, legal hold."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.permissions import policy_registry

from archivo.models import Registro, SerieDocumental
from boletines.models import BoletinPage
from tests.admin import cliente
from tests.factories import BoletinPageFactory, CampanaPageFactory

INDICE = reverse("archivo_registros:index")
VACUNACION = "Llega a los planteles la Jornada de Vacunación contra la Influenza"


@pytest.fixture(scope="module")
def _acervo_del_modulo(institucion_del_modulo):
    """Records of two types and two áreas, published once for the module."""
    sala = institucion_del_modulo.sala
    areas = institucion_del_modulo.areas
    boletines = [
        BoletinPageFactory(
            parent=sala,
            publicada=True,
            title=VACUNACION,
            area=areas["direccion-general"],
        ),
        BoletinPageFactory(
            parent=sala,
            publicada=True,
            title="Inicia el ciclo escolar en el plantel Torreón",
            area=areas["plantel-torreon"],
        ),
        BoletinPageFactory(
            parent=sala,
            publicada=True,
            title="Firma el Colegio un convenio con la universidad estatal",
            area=areas["direccion-general"],
        ),
    ]
    for titulo in ("Vida libre de violencia", "Cuidemos el agua"):
        CampanaPageFactory(
            parent=institucion_del_modulo.campanas, publicada=True, title=titulo
        )
    return boletines


@pytest.fixture
def acervo(_acervo_del_modulo, institucion_compartida):
    """The module's boletines (and campaigns), inside this test's transaction."""
    return _acervo_del_modulo


def _filas(respuesta):
    return respuesta.content.decode()


def test_the_archivist_lists_the_records_and_editors_may_not(acervo):
    assert Registro.objects.count() >= 5
    respuesta = cliente("archivo").get(INDICE)
    assert respuesta.status_code == 200
    html = _filas(respuesta)
    for registro in Registro.objects.all():
        assert registro.titulo in html
    assert cliente("editor").get(INDICE).status_code == 302  # refused, redirected


def test_the_listing_query_count_does_not_grow_with_the_records(
    acervo, django_assert_max_num_queries
):
    archivo = cliente("archivo")
    archivo.get(INDICE)  # warm the caches
    with django_assert_max_num_queries(40):
        archivo.get(INDICE)


def test_records_filter_by_series_type_area_year_status_hold_and_expiry(acervo):
    archivo = cliente("archivo")
    boletin = Registro.objects.filter(tipo="Boletín").first()
    campana = Registro.objects.filter(tipo="Campaña").first()
    serie = boletin.serie

    def titulos(**filtros):
        html = _filas(archivo.get(INDICE, filtros))
        return {r.titulo for r in Registro.objects.all() if r.titulo in html}

    assert boletin.titulo in titulos(serie=serie.pk)
    assert campana.titulo not in titulos(serie=serie.pk)
    assert campana.titulo not in titulos(tipo="Boletín")
    assert boletin.titulo in titulos(anio=str(timezone.localdate().year))
    assert boletin.titulo not in titulos(anio="2001")
    assert boletin.titulo in titulos(estado=Registro.EN_TRAMITE)
    assert boletin.titulo not in titulos(estado=Registro.EN_CONCENTRACION)

    Registro.objects.filter(pk=boletin.pk).update(
        reserva=True,
        reserva_motivo="Auditoría en curso",
        fin_tramite=timezone.localdate() + datetime.timedelta(days=10),
    )
    assert titulos(reserva="true") == {boletin.titulo}
    assert boletin.titulo in titulos(por_vencer="30")
    assert campana.titulo not in titulos(por_vencer="30")
    area = BoletinPage.objects.get(title=VACUNACION).area.nombre
    assert VACUNACION in titulos(area=area)
    assert all(Registro.objects.get(titulo=t).area == area for t in titulos(area=area))


def test_the_search_finds_records_by_title_and_folio(acervo):
    boletin, otro, _ = acervo
    archivo = cliente("archivo")
    html = _filas(archivo.get(INDICE, {"q": "vacunación influenza"}))
    assert boletin.title in html
    assert otro.title not in html
    html = _filas(archivo.get(INDICE, {"q": boletin.folio_texto}))
    assert boletin.title in html


def test_the_filtered_list_exports_to_csv_and_xlsx(acervo):
    archivo = cliente("archivo")
    respuesta = archivo.get(INDICE, {"tipo": "Boletín", "export": "csv"})
    assert respuesta.status_code == 200
    texto = b"".join(respuesta.streaming_content).decode("utf-8")
    filas = list(csv.DictReader(io.StringIO(texto)))
    assert filas and {f["Tipo"] for f in filas} == {"Boletín"}
    assert filas[0]["Código de serie"] == "CEPRU/9C/9C.3"
    assert len(filas) == Registro.objects.filter(tipo="Boletín").count()

    respuesta = archivo.get(INDICE, {"tipo": "Campaña", "export": "xlsx"})
    libro = openpyxl.load_workbook(io.BytesIO(b"".join(respuesta.streaming_content)))
    hoja = libro.active
    encabezados = [c.value for c in hoja[1]]
    assert "Título" in encabezados and "Estado" in encabezados
    assert hoja.max_row - 1 == Registro.objects.filter(tipo="Campaña").count()


def test_records_are_read_only_even_for_the_archivist(acervo):
    registro = Registro.objects.first()
    archivo = cliente("archivo")
    # No route adds, edits, copies or deletes a record, for anyone.
    for vista, argumentos in (
        ("add", ()),
        ("edit", (registro.pk,)),
        ("copy", (registro.pk,)),
        ("delete", (registro.pk,)),
    ):
        with pytest.raises(NoReverseMatch):
            reverse(f"archivo_registros:{vista}", args=argumentos)
    assert archivo.get(f"{INDICE}new/").status_code == 404
    assert archivo.get(f"{INDICE}edit/{registro.pk}/").status_code == 404
    assert archivo.post(f"{INDICE}delete/{registro.pk}/").status_code == 404
    assert Registro.objects.filter(pk=registro.pk).exists()
    politica = policy_registry.get_by_type(Registro)
    superusuario = get_user_model()(is_superuser=True, is_active=True)
    assert not politica.user_has_any_permission(
        superusuario, {"add", "change", "delete"}
    )
    listado = archivo.get(INDICE).content.decode()
    assert "Agregar registro" not in listado and "Editar" not in listado
    inspeccion = archivo.get(reverse("archivo_registros:inspect", args=(registro.pk,)))
    assert inspeccion.status_code == 200
    assert registro.titulo in inspeccion.content.decode()
    assert (
        cliente("editor")
        .get(reverse("archivo_registros:inspect", args=(registro.pk,)))
        .status_code
        == 302
    )


def test_each_row_offers_the_legal_hold_to_the_archivist(acervo):
    registro = Registro.objects.filter(tipo="Boletín").first()
    Registro.objects.filter(pk=registro.pk).update(
        reserva=True, reserva_motivo="Auditoría en curso"
    )
    html = cliente("archivo").get(INDICE).content.decode()
    for otro in Registro.objects.all():
        assert reverse("archivo_reserva", args=(otro.pk,)) in html
    assert "Pedir levantar reserva" in html and "Reservar" in html


def test_the_archivist_puts_a_record_under_hold_with_a_reason(acervo):
    registro = Registro.objects.filter(tipo="Boletín").first()
    url = reverse("archivo_reserva", args=(registro.pk,))
    archivo = cliente("archivo")

    sin_motivo = archivo.post(url, {"accion": "reservar", "motivo": "  "})
    assert sin_motivo.status_code == 200
    assert "Explica el motivo" in sin_motivo.content.decode()

    archivo.post(url, {"accion": "reservar", "motivo": "Juicio de amparo 456/2026"})
    registro.refresh_from_db()
    assert registro.reserva and registro.reserva_motivo == "Juicio de amparo 456/2026"
    assert registro.reserva_por.username == "archivo"
    assert registro.ultima_accion == "Reservado: Juicio de amparo 456/2026"


def test_only_the_archivo_role_sets_holds(acervo):
    registro = Registro.objects.first()
    url = reverse("archivo_reserva", args=(registro.pk,))
    for usuario in ("editor", "titular"):
        respuesta = cliente(usuario).post(url, {"accion": "reservar", "motivo": "x"})
        assert respuesta.status_code == 302
    registro.refresh_from_db()
    assert not registro.reserva


def test_the_archivist_keeps_the_catalogue_but_editors_do_not(
    institucion_compartida,
):
    serie = SerieDocumental.objects.get(nombre="Vídeo")
    url = reverse("wagtailsnippets_archivo_seriedocumental:edit", args=(serie.pk,))
    assert cliente("archivo").get(url).status_code == 200
    assert cliente("editor").get(url).status_code == 302
