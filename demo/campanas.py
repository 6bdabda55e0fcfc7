"""Demo campaigns."""

from datetime import date, time, timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from campanas.conectores import RegistroManual
from campanas.models import (
    CampanaIndexPage,
    CampanaMaterial,
    CampanaPage,
    Instruccion,
    PublicacionProgramada,
    ReporteCumplimiento,
)
from campanas.models.programacion import hora_local
from demo.home import hija, publicar
from demo.media_library import dibujar_cartel, imagen_demo

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
        cartel = imagen_demo(
            f"Cartel: {datos['title']}",
            dibujar_cartel(datos["title"], datos["tema"]),
            f"cartel-{datos['slug']}.jpg",
            f"Cartel de la campaña {datos['title']}",
            credito="Comunicación Social CETEC",
        )
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
            cartel=cartel,
            materiales=[CampanaMaterial(imagen=cartel)],
        )
    return seccion


TEMAS = [
    "Si te revisa el celular sin permiso, no es amor: es control. #NoEsAmor",
    "Los celos no son prueba de amor. Habla con tu orientador escolar.",
    "¿Te sientes en riesgo? Línea Mujer Coahuila: 800 822 1020, las 24 horas.",
    "Una relación sana se basa en el respeto y la confianza. #VidaLibreDeViolencia",
]


def cargar_programacion(seccion, usuario=None):
    """A week of posts in the current campaign: some with evidence, one overdue."""
    campana = seccion.get_children().filter(slug="vida-libre-de-violencia").first()
    if campana is None:
        return None
    campana = campana.specific
    if campana.publicaciones.exists():
        return campana
    hoy = timezone.localdate()
    dias = [hoy + timedelta(days=n) for n in range(-3, 5)]
    nuevas = [
        PublicacionProgramada(
            fecha=hora_local(dia, time(10 if red == "facebook" else 12, 0)),
            red=red,
            texto=TEMAS[i % len(TEMAS)],
            enlace="https://cetec.example.gob.mx/campanas/vida-libre-de-violencia/",
        )
        for i, dia in enumerate(dias)
        for red in ("facebook", "x")
        if campana.inicio <= dia <= campana.fin
    ]
    campana.publicaciones.add(*nuevas)
    publicar(campana)
    publicadas = PublicacionProgramada.objects.filter(
        page=campana, fecha__lt=hora_local(hoy - timedelta(days=1), time(0, 0))
    )
    for post in publicadas:
        dominio = (
            "facebook.com/CETECCoahuila"
            if post.red == "facebook"
            else ("x.com/CETECCoahuila")
        )
        RegistroManual().publicar(
            post,
            usuario,
            url=f"https://{dominio}/posts/{post.pk}",
            publicada_en=post.fecha,
        )
    return campana


def cargar_cumplimiento(planteles, usuario=None):
    """Two instructions this quarter and the campuses' evidence reports."""
    if Instruccion.objects.exists():
        return
    hoy = timezone.localdate()
    campana = CampanaPage.objects.filter(slug="vida-libre-de-violencia").first()
    instrucciones = []
    for dias, titulo in (
        (20, "Compartir la infografía «Señales de alerta en el noviazgo»"),
        (6, "Publicar el video de la plática con la Fiscalía de la Mujer"),
    ):
        instruccion = Instruccion(
            titulo=titulo,
            fecha=max(hoy - timedelta(days=dias), hoy.replace(day=1)),
            descripcion="En Facebook e Instagram, con #VidaLibreDeViolencia.",
            campana=campana,
        )
        instruccion.planteles = list(planteles.values())
        instruccion.save()
        instrucciones.append(instruccion)
    reportes = {"torreon": instrucciones, "saltillo": instrucciones[:1]}
    for slug, atendidas in reportes.items():
        for instruccion in atendidas:
            ReporteCumplimiento.objects.create(
                plantel=planteles[slug],
                instruccion=instruccion,
                responsable=usuario,
                fecha=instruccion.fecha + timedelta(days=1),
                descripcion=f"Publicado en Facebook e Instagram: {instruccion.titulo}",
                enlaces=f"https://facebook.com/CETEC{slug.capitalize()}/posts/1",
            )
