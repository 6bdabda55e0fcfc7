"""The public search forgives accents and Spanish plurals, filters, pages, and
answers from the database when Elasticsearch is down."""

import datetime
import socket

import pytest
from django.core.files.base import ContentFile

from boletines.models import BoletinFoto, BoletinIndexPage, BoletinPage
from campanas.models import CampanaIndexPage, CampanaPage
from cms.settings import environment
from home.models import HomePage, StandardPage
from media_library.models import VideoIndexPage, VideoPage
from tests.factories import BoletinPageFactory

VACUNACION = "Arranca la Campaña de Vacunación contra la influenza"
BECAS = "Niñas y niños de Monclova reciben becas de transporte"
NOVIAZGO = "Prevención de la violencia en el noviazgo"
INSCRIPCION = "Así se hace la inscripción en línea"
TRANSPARENCIA = "Transparencia proactiva"

# What a visitor types, and what must come up.
CONSULTAS = [
    ("vacunacion", [VACUNACION]),
    ("VACUNACIÓN", [VACUNACION]),
    ("vacunaciones", [VACUNACION]),
    ("campañas", [VACUNACION]),
    ("campana", [VACUNACION]),
    ("ninos", [BECAS]),
    ("niñas beca", [BECAS]),
    ("monclova", [BECAS]),
    ("prevencion noviazgo", [NOVIAZGO]),
    ("mujeres jovenes", [NOVIAZGO]),
    ("inscripcion en linea", [INSCRIPCION]),
    ("informacion publica", [TRANSPARENCIA]),
    ("solicitudes de informacion", [TRANSPARENCIA]),
]


def _publicar(padre, pagina):
    padre.add_child(instance=pagina)
    pagina.save_revision().publish()
    return pagina


def _boletin(titulo, sumario, fecha, slug=None):
    sala = BoletinIndexPage.objects.get()
    foto = BoletinFoto.objects.select_related("imagen").first().imagen
    return _publicar(
        sala,
        BoletinPage(
            title=titulo,
            slug=slug or "",
            fecha=fecha,
            lugar="Saltillo, Coahuila",
            sumario=sumario,
            cuerpo=[],
            fotos=[BoletinFoto(imagen=foto)],
        ),
    )


@pytest.fixture
def contenidos(institucion_compartida):
    """One item of each searchable type, after a live boletín with its photo."""
    BoletinPageFactory(
        parent=institucion_compartida.sala, con_fotos=True, publicada=True
    )
    _boletin(
        VACUNACION,
        "La jornada de vacunación llega a los planteles de la región sureste.",
        datetime.date(2026, 3, 10),
    )
    _boletin(
        BECAS,
        "Estudiantes de educación media superior reciben el apoyo mensual.",
        datetime.date(2025, 6, 2),
    )
    _publicar(
        CampanaIndexPage.objects.get(),
        CampanaPage(
            title=NOVIAZGO,
            tema="Noviazgo sin violencia",
            objetivo="Informar a las mujeres jóvenes sobre las señales de alerta.",
            inicio=datetime.date(2026, 2, 1),
            fin=datetime.date(2026, 2, 28),
        ),
    )
    _publicar(
        VideoIndexPage.objects.get(),
        VideoPage(
            title=INSCRIPCION,
            tipo="capacitacion",
            descripcion="Paso a paso de la inscripción para el nuevo semestre.",
            archivo_maestro=ContentFile(b"x", name="m.mp4"),
        ),
    )
    _publicar(
        HomePage.objects.get(),
        StandardPage(
            title=TRANSPARENCIA,
            cuerpo="<p>Respondemos las solicitudes de información pública.</p>",
        ),
    )


def _titulos(client, **params):
    respuesta = client.get("/buscar/", params)
    assert respuesta.status_code == 200
    resultados = respuesta.context["resultados"]
    return [r.pagina.title for r in resultados] if resultados else [], respuesta


@pytest.mark.parametrize(("consulta", "esperados"), CONSULTAS)
def test_spanish_queries_find_their_items_whatever_the_accents(
    client, contenidos, consulta, esperados
):
    titulos, _ = _titulos(client, q=consulta)
    for esperado in esperados:
        assert esperado in titulos, f"«{consulta}» no encontró «{esperado}»"


def test_the_excerpt_highlights_the_matching_words_as_written(client, contenidos):
    _, respuesta = _titulos(client, q="vacunacion")
    html = respuesta.content.decode()
    assert "jornada de <mark>vacunación</mark> llega" in html
    assert "Boletín · 10 de marzo de 2026" in html


def test_the_type_filter_keeps_only_that_kind(client, contenidos):
    titulos, _ = _titulos(client, q="violencia", tipo="campanas")
    assert NOVIAZGO in titulos
    assert all(CampanaPage.objects.filter(title=t).exists() for t in titulos), titulos
    titulos, _ = _titulos(client, q="vacunacion", tipo="videos")
    assert titulos == []


def test_the_date_filter_uses_each_items_own_date(client, contenidos):
    assert BECAS not in _titulos(client, q="becas", desde="2026-01-01")[0]
    assert BECAS in _titulos(client, q="becas", hasta="2025-12-31")[0]
    # A campaign counts while its period overlaps the range.
    assert NOVIAZGO in _titulos(client, q="noviazgo", desde="2026-02-20")[0]
    assert NOVIAZGO not in _titulos(client, q="noviazgo", desde="2026-03-01")[0]


def test_results_are_paginated_and_links_keep_the_filters(client, contenidos):
    for n in range(12):
        _boletin(
            f"Convocatoria de ingreso {n}",
            "Se abre la convocatoria.",
            datetime.date(2026, 1, 5),
            slug=f"convocatoria-{n}",
        )
    titulos, respuesta = _titulos(client, q="convocatorias", tipo="boletines")
    assert len(titulos) == 10
    assert "Página 1 de 2" in respuesta.content.decode()
    assert "q=convocatorias&amp;tipo=boletines&amp;desde=&amp;hasta=&amp;pagina=2" in (
        respuesta.content.decode()
    )
    segunda, _ = _titulos(client, q="convocatorias", tipo="boletines", pagina=2)
    assert len(segunda) == 2 and not set(segunda) & set(titulos)


def test_without_a_query_the_page_explains_what_it_searches(
    client, institucion_compartida
):
    respuesta = client.get("/buscar/")
    assert respuesta.status_code == 200
    assert respuesta.context["resultados"] is None
    assert "No importan los acentos" in respuesta.content.decode()


def test_a_query_without_results_says_so_and_offers_a_way_out(client, contenidos):
    respuesta = client.get("/buscar/", {"q": "paleontología", "tipo": "videos"})
    html = respuesta.content.decode()
    assert "No encontramos resultados para «paleontología» con los filtros" in html
    assert "sin filtros" in html


def test_unpublished_items_are_not_found(client, contenidos):
    BoletinPage.objects.get(title=VACUNACION).unpublish()
    assert VACUNACION not in _titulos(client, q="vacunacion")[0]


def test_when_elasticsearch_is_down_the_database_answers(client, contenidos, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        puerto_cerrado = s.getsockname()[1]
    settings.WAGTAILSEARCH_BACKENDS = environment.search_backends(
        f"http://127.0.0.1:{puerto_cerrado}"
    )
    # Publishing goes on while Elasticsearch is down; the database index keeps up.
    _boletin(
        "Brigada de salud bucal en Parras",
        "Revisiones dentales gratuitas para estudiantes.",
        datetime.date(2026, 4, 1),
    )
    titulos, respuesta = _titulos(client, q="vacunacion")
    assert VACUNACION in titulos
    assert respuesta.context["busqueda"].respaldo
    assert "Brigada de salud bucal en Parras" in _titulos(client, q="dentales")[0]


def test_the_excerpt_reads_as_prose_without_block_names_or_markup(client, contenidos):
    imagen = BoletinFoto.objects.select_related("imagen").first().imagen
    boletin = _boletin(
        "Feria de ciencias en Piedras Negras",
        "Estudiantes presentan sus proyectos.",
        datetime.date(2026, 4, 7),
    )
    boletin.cuerpo = [
        ("parrafo", "<p>La feria reunió <b>cuarenta</b> proyectos &amp; prototipos.</p>"
         "<p>Hubo invitados.</p>"),
        ("cita", {"texto": "Cada prototipo resuelve un problema real.",
                  "autor": "Jurado"}),
        ("imagen", {"imagen": imagen, "pie": "Un prototipo de riego solar."}),
    ]  # fmt: skip
    boletin.save_revision().publish()

    _, respuesta = _titulos(client, q="prototipo")
    extracto = next(
        r.extracto for r in respuesta.context["resultados"] if r.pagina.pk == boletin.pk
    )
    texto = str(extracto).replace("<mark>", "").replace("</mark>", "")
    assert (
        "La feria reunió cuarenta proyectos &amp; prototipos. Hubo invitados." in texto
    )
    assert "Cada prototipo resuelve un problema real. Jurado" in texto
    assert "Un prototipo de riego solar." in texto
    for interno in ("parrafo", "cita", "imagen", "<b>", "<p>", "&amp;amp;"):
        assert interno not in texto, interno
