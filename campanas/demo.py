"""Demo campaigns."""

from datetime import date

from wagtail.rich_text import RichText

from home.demo import hija

from .models import CampanaIndexPage, CampanaPage

CAMPANAS = [
    {
        "slug": "vida-libre-de-violencia",
        "title": "Por una vida libre de violencia",
        "tema": "Prevención de la violencia en el noviazgo (Ley de Acceso de las "
        "Mujeres a una Vida Libre de Violencia para el Estado de Coahuila)",
        "objetivo": "Que las y los estudiantes identifiquen las señales de violencia "
        "en el noviazgo y sepan a dónde acudir.",
        "mes_inicio": 11,
        "mes_fin": 12,
        "descripcion": "<p>Publicaciones diarias en Facebook, X e Instagram, pláticas "
        "en los planteles y material descargable para docentes.</p>",
    },
    {
        "slug": "temporada-invernal",
        "title": "Temporada invernal: cuídate del frío",
        "tema": "Prevención de enfermedades respiratorias",
        "objetivo": "Difundir medidas de prevención y la jornada de vacunación.",
        "mes_inicio": 12,
        "mes_fin": 12,
        "descripcion": "<p>Recomendaciones de la Secretaría de Salud para la "
        "temporada invernal.</p>",
    },
]


def cargar(inicio, anio):
    """The campaigns section under ``inicio`` and its demo campaigns."""
    seccion, _ = hija(
        inicio,
        CampanaIndexPage,
        "campanas",
        title="Campañas",
        show_in_menus=True,
        intro=RichText("<p>Campañas de difusión del CETEC.</p>"),
    )
    for datos in CAMPANAS:
        hija(
            seccion,
            CampanaPage,
            datos["slug"],
            title=datos["title"],
            tema=datos["tema"],
            objetivo=datos["objetivo"],
            inicio=date(anio, datos["mes_inicio"], 1),
            fin=date(anio, datos["mes_fin"], 28),
            descripcion=RichText(datos["descripcion"]),
        )
    return seccion
