"""Demo newsroom: a handful of realistic boletines with their photos."""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision
from wagtail.rich_text import RichText

from archivo.models import Registro
from boletines.models import (
    AgendaPage,
    BoletinFoto,
    BoletinIndexPage,
    BoletinPage,
    ContactoDistribucion,
    ContactoPrensa,
    Evento,
    ListaDistribucion,
    lunes_de,
)
from cms.historia import ocurrido_el
from demo.home import hija, publicar
from demo.media_library import dibujar_foto, imagen_demo

BOLETINES = [
    {
        "slug": "abre-cetec-inscripciones-2027",
        "area": "direccion-general",
        "tags": ["inscripciones", "oferta educativa"],
        "title": "Abre el CETEC el periodo de inscripciones 2027 en sus 12 planteles",
        "lugar": "Saltillo, Coahuila",
        "dias": 1,
        "sumario": (
            "Del 1 de diciembre al 30 de enero, las y los egresados de secundaria "
            "podrán registrarse en línea para cursar alguna de las 18 carreras "
            "técnicas que ofrece el Colegio."
        ),
        "parrafos": [
            "El Colegio de Educación Tecnológica del Estado de Coahuila informa que "
            "a partir del 1 de diciembre queda abierto el registro de aspirantes "
            "para el ciclo escolar 2027-2028.",
            "El trámite se realiza en línea y no tiene costo. Las y los aspirantes "
            "deberán presentar su CURP, constancia de estudios de tercer grado de "
            "secundaria y una fotografía reciente.",
            "La oferta incluye carreras como Mecatrónica, Enfermería General, "
            "Programación, Logística y Energías Renovables.",
        ],
        "cita": (
            "Queremos que ningún joven se quede sin la oportunidad de formarse en "
            "una carrera técnica con empleo asegurado en la región.",
            "Directora General del CETEC",
        ),
        "fotos": [
            (
                "Aspirantes realizan su registro en el plantel Saltillo",
                "Aspirantes y "
                "padres de familia en el módulo de registro del plantel Saltillo",
            ),
            (
                "Módulo de orientación vocacional",
                "Orientadora explica la oferta de "
                "carreras a un grupo de estudiantes de secundaria",
            ),
        ],
    },
    {
        "slug": "primer-lugar-robotica-torreon",
        "area": "plantel-torreon",
        "tags": ["robótica", "concursos"],
        "title": "Estudiantes del plantel Torreón ganan el primer lugar en el Concurso "
        "Estatal de Robótica",
        "lugar": "Torreón, Coahuila",
        "dias": 4,
        "sumario": (
            "El equipo «Halcones Mecatrónicos», integrado por cinco alumnas y alumnos "
            "de quinto semestre, representará a Coahuila en la final nacional."
        ),
        "parrafos": [
            "Con un robot clasificador de residuos reciclables, el equipo del plantel "
            "Torreón obtuvo la mayor puntuación entre 42 proyectos de bachilleratos "
            "de todo el estado.",
            "La final nacional se celebrará en marzo en la ciudad de Puebla.",
        ],
        "cita": None,
        "fotos": [
            (
                "Equipo Halcones Mecatrónicos con su robot",
                "Cinco estudiantes sostienen "
                "el trofeo junto al robot clasificador de residuos",
            ),
        ],
    },
    {
        "slug": "convenio-practicas-profesionales-industria",
        "area": "vinculacion",
        "tags": ["convenios", "industria"],
        "title": "Firma el CETEC convenio con la industria automotriz para prácticas "
        "profesionales",
        "lugar": "Ramos Arizpe, Coahuila",
        "dias": 8,
        "sumario": (
            "El acuerdo permitirá que 600 estudiantes realicen sus prácticas y su "
            "servicio social en plantas del clúster automotriz de la región sureste."
        ),
        "parrafos": [
            "El convenio de colaboración fue firmado por la Dirección General del "
            "Colegio y la representación del clúster automotriz del estado.",
            "Además de las prácticas, contempla la actualización de talleres y la "
            "capacitación del personal docente.",
        ],
        "cita": (
            "La vinculación con el sector productivo es la mejor garantía de empleo "
            "para nuestros egresados.",
            "Director de Vinculación",
        ),
        "fotos": [
            (
                "Firma del convenio con el clúster automotriz",
                "Autoridades del CETEC y "
                "del clúster automotriz firman el convenio en la sala de juntas",
            ),
            (
                "Recorrido por la planta",
                "Estudiantes de Mecatrónica recorren una línea de ensamble",
            ),
            (
                "Taller de soldadura del plantel Ramos Arizpe",
                "Alumno con careta practica soldadura en el taller del plantel",
            ),
        ],
    },
    {
        "slug": "jornada-vacunacion-influenza-planteles",
        "area": "plantel-monclova",
        "tags": ["salud"],
        "title": "Llega a los planteles la Jornada de Vacunación contra la Influenza",
        "lugar": "Monclova, Coahuila",
        "dias": 12,
        "sumario": (
            "Personal de la Secretaría de Salud aplicará la vacuna a estudiantes, "
            "docentes y personal administrativo que lo soliciten."
        ),
        "parrafos": [
            "La jornada recorrerá los 12 planteles durante las próximas tres semanas, "
            "conforme al calendario publicado en las redes sociales del Colegio.",
            "Las y los menores de edad deberán presentar la autorización firmada por "
            "su madre, padre o tutor.",
        ],
        "cita": None,
        "fotos": [
            (
                "Vacunación en el plantel Monclova",
                "Enfermera aplica la vacuna contra la influenza a una estudiante",
            ),
        ],
    },
    {
        "slug": "egresa-generacion-2024-2027",
        "area": "academica",
        "tags": ["graduación"],
        "title": "Egresan 1,200 técnicos de la generación 2024-2027",
        "lugar": "Saltillo, Coahuila",
        "dias": 20,
        "sumario": (
            "En ceremonias realizadas en cada plantel, las y los egresados recibieron "
            "su certificado de bachillerato y su título de técnico."
        ),
        "parrafos": [
            "La generación 2024-2027 concluyó con un índice de eficiencia terminal "
            "del 78 por ciento, el más alto en la historia del Colegio.",
        ],
        "cita": None,
        "fotos": [
            (
                "Ceremonia de graduación en Saltillo",
                "Egresados con toga lanzan sus birretes al final de la ceremonia",
            ),
            (
                "Entrega de títulos",
                "La Directora General entrega su título a una "
                "egresada de Enfermería General",
            ),
        ],
    },
]

BORRADOR = {
    "foto": ("Plantel Saltillo en receso", "Patio vacío del plantel Saltillo"),
    "slug": "calendario-vacacional-invierno",
    "title": "Da a conocer el CETEC el calendario del periodo vacacional de invierno",
    "lugar": "Saltillo, Coahuila",
    "sumario": "Las actividades escolares se reanudarán el 7 de enero.",
    "parrafos": ["El periodo vacacional comprende del 18 de diciembre al 6 de enero."],
}


# Earlier boletines, so the newsroom's filters and pages have two years to show.
HISTORIAL = [
    (
        "Presenta el CETEC su informe anual de actividades",
        "direccion-general",
        "informe",
    ),
    (
        "Inicia el semestre con 14 mil estudiantes en los 12 planteles",
        "academica",
        "inicio de clases",
    ),
    (
        "Plantel Saltillo celebra su Feria de Ciencias y Emprendimiento",
        "plantel-saltillo",
        "ciencia",
    ),
    ("Capacitan a docentes en enseñanza de programación", "academica", "capacitación"),
    (
        "Estudiantes de Enfermería realizan brigada de salud comunitaria",
        "plantel-monclova",
        "salud",
    ),
    (
        "Firma el CETEC convenio con la Cámara de la Industria de la Transformación",
        "vinculacion",
        "convenios",
    ),
    (
        "Reforestan alumnos del Plantel Torreón el parque Fundadores",
        "plantel-torreon",
        "medio ambiente",
    ),
    (
        "Obtiene el CETEC certificación en calidad de sus procesos",
        "direccion-general",
        "calidad",
    ),
    ("Realizan torneo estatal de futbol interplanteles", "plantel-saltillo", "deporte"),
    ("Abren convocatoria de becas de transporte", "direccion-general", "becas"),
    (
        "Egresados de Mecatrónica se integran a la industria automotriz",
        "vinculacion",
        "empleo",
    ),
    (
        "Participa el CETEC en la Semana Nacional de Ciencia y Tecnología",
        "academica",
        "ciencia",
    ),
    (
        "Inauguran taller de energías renovables en el Plantel Monclova",
        "plantel-monclova",
        "infraestructura",
    ),
]


def cargar_historial(sala, areas):
    """Two years of earlier boletines: 26 of them, one photo each."""
    hoy = timezone.localdate()
    fotos = [
        imagen_demo(
            f"Archivo fotográfico CETEC {n}",
            dibujar_foto(f"Archivo fotográfico CETEC {n}"),
            f"archivo-{n}.jpg",
            f"Fotografía de archivo de actividades del CETEC, número {n}",
            credito="Comunicación Social CETEC",
            area=areas[HISTORIAL[n % len(HISTORIAL)][1]],
            fecha=hoy - timedelta(days=365 * (n % 2) + 30 * n),
        )
        for n in range(1, 5)
    ]
    # Oldest first, so each year's folios run in the order they went out.
    for n in reversed(range(2 * len(HISTORIAL))):
        titulo, area, tema = HISTORIAL[n % len(HISTORIAL)]
        fecha = hoy - timedelta(days=25 + 28 * n)
        slug = f"historial-{fecha:%Y-%m}-{n}"
        if sala.get_children().filter(slug=slug).exists():
            continue
        publicado_el(
            sala,
            BoletinPage,
            slug,
            title=f"{titulo} ({fecha.year})",
            lugar="Saltillo, Coahuila",
            fecha=fecha,
            sumario=f"{titulo}. Información de la Coordinación de Comunicación Social.",
            cuerpo=[("parrafo", RichText(f"<p>{titulo}.</p>"))],
            area=areas[area],
            tags=[tema],
            fotos=[BoletinFoto(imagen=fotos[n % len(fotos)], pie=titulo)],
        )


def publicado_el(padre, modelo, slug, fecha, **campos):
    """A boletín of ``padre`` published on the morning of ``fecha``, as it happened.

    Its folio (numbered in that year), record and snapshot are written at that
    moment (``ocurrido_el``); Wagtail's own traces (publication dates, the
    revision, the log) are then moved to it, so the history counts in its month.
    """
    cuando = timezone.make_aware(datetime.combine(fecha, time(10, 0)))
    etiquetas = campos.pop("tags", [])
    pagina = modelo(slug=slug, fecha=fecha, live=False, **campos)
    pagina.first_published_at = cuando
    if etiquetas:
        pagina.tags.add(*etiquetas)
    padre.add_child(instance=pagina)
    with ocurrido_el(cuando):
        publicar(pagina)
    tipo = ContentType.objects.get_for_model(modelo)
    modelo.objects.filter(pk=pagina.pk).update(
        last_published_at=cuando, latest_revision_created_at=cuando
    )
    Revision.objects.filter(
        base_content_type__model="page", object_id=str(pagina.pk)
    ).update(created_at=cuando)
    PageLogEntry.objects.filter(page_id=pagina.pk).update(timestamp=cuando)
    Registro.objects.filter(content_type=tipo, object_id=str(pagina.pk)).update(
        ultima_accion_en=cuando
    )
    return pagina


def _cuerpo(datos):
    bloques = [("parrafo", RichText(f"<p>{texto}</p>")) for texto in datos["parrafos"]]
    if datos.get("cita"):
        texto, autor = datos["cita"]
        bloques.insert(1, ("cita", {"texto": texto, "autor": autor}))
    return bloques


def _foto(slug, n, titulo, descripcion, area=None, fecha=None):
    imagen = imagen_demo(
        titulo,
        dibujar_foto(titulo),
        f"{slug}-{n}.jpg",
        descripcion,
        credito="Comunicación Social CETEC",
        area=area,
        fecha=fecha,
    )
    return BoletinFoto(imagen=imagen, pie=titulo, sort_order=n)


def cargar_sala(inicio):
    """The newsroom (sala de prensa), created if missing."""
    sala, _ = hija(
        inicio,
        BoletinIndexPage,
        "boletines",
        title="Sala de prensa",
        show_in_menus=True,
        intro=RichText("<p>Boletines informativos del CETEC.</p>"),
    )
    return sala


def cargar(inicio, autor=None, areas=None):
    """The newsroom and its demo boletines; returns it and a draft by ``autor``."""
    areas = areas or {}
    contacto, _ = ContactoPrensa.objects.get_or_create(
        nombre="Laura Mendoza Aguirre",
        defaults={
            "cargo": "Coordinadora de Comunicación Social",
            "telefono": "844 411 2300 ext. 120",
            "correo": "prensa@cetec.edu.mx",
        },
    )
    sala = cargar_sala(inicio)
    hoy = timezone.localdate()
    for datos in sorted(BOLETINES, key=lambda d: -d["dias"]):
        if sala.get_children().filter(slug=datos["slug"]).exists():
            continue
        fecha = hoy - timedelta(days=datos["dias"])
        fotos = [
            _foto(
                datos["slug"], n, titulo, descripcion, areas.get(datos["area"]), fecha
            )
            for n, (titulo, descripcion) in enumerate(datos["fotos"])
        ]
        publicado_el(
            sala,
            BoletinPage,
            datos["slug"],
            title=datos["title"],
            lugar=datos["lugar"],
            fecha=fecha,
            sumario=datos["sumario"],
            cuerpo=_cuerpo(datos),
            fotos=fotos,
            area=areas.get(datos["area"]),
            tags=datos["tags"],
            contacto=contacto,
        )
    borrador = sala.get_children().filter(slug=BORRADOR["slug"]).first()
    if borrador is None:
        borrador = BoletinPage(
            slug=BORRADOR["slug"],
            title=BORRADOR["title"],
            lugar=BORRADOR["lugar"],
            sumario=BORRADOR["sumario"],
            cuerpo=_cuerpo(BORRADOR),
            live=False,
            fotos=[_foto(BORRADOR["slug"], 0, *BORRADOR["foto"])],
        )
        sala.add_child(instance=borrador)
        borrador.save_revision(user=autor)
    return sala, borrador.specific


LISTAS = {
    "Medios de Coahuila": (
        True,
        [
            (
                "Coordinación General de Comunicación Social",
                "Gobierno del Estado de Coahuila",
                "gobierno",
                "comunicacion.social@coahuila.example",
            ),
            (
                "Mesa de redacción",
                "El Diario de Saltillo",
                "prensa",
                "redaccion@diariodesaltillo.example",
            ),
            (
                "Noticiero matutino",
                "Radio Saltillo 1090",
                "radio",
                "noticias@radiosaltillo.example",
            ),
            (
                "Información local",
                "Canal 7 Coahuila",
                "television",
                "informacion@canal7coahuila.example",
            ),
            (
                "Corresponsalía",
                "Agencia Informativa del Norte",
                "agencia",
                "coahuila@ainorte.example",
            ),
        ],
    ),
    "Medios de La Laguna": (
        False,
        [
            (
                "Redacción Torreón",
                "El Siglo Lagunero",
                "prensa",
                "torreon@siglolagunero.example",
            ),
            (
                "Portal de noticias",
                "Laguna Digital",
                "digital",
                "contacto@lagunadigital.example",
            ),
        ],
    ),
}


def cargar_listas():
    """The default list (with the state's communication office) and one more."""
    listas = {}
    for nombre, (predeterminada, contactos) in LISTAS.items():
        lista, creada = ListaDistribucion.objects.get_or_create(
            nombre=nombre, defaults={"predeterminada": predeterminada}
        )
        if creada:
            for nombre_contacto, medio, tipo, correo in contactos:
                ContactoDistribucion.objects.create(
                    lista=lista,
                    nombre=nombre_contacto,
                    medio=medio,
                    tipo=tipo,
                    correo=correo,
                )
        listas[nombre] = lista
    return listas


EVENTOS = [
    # (days from this week's Monday, hour, title, place, description)
    (
        0,
        "09:00",
        "Reunión con directores de plantel",
        "Sala de juntas, Dirección General, Saltillo",
        "Seguimiento del ciclo escolar y del programa de becas.",
    ),
    (
        1,
        "11:00",
        "Inauguración del laboratorio de mecatrónica",
        "Plantel Torreón",
        "Con autoridades municipales y el sector productivo.",
    ),
    (
        2,
        "10:30",
        "Firma de convenio con la Cámara de la Industria de la Transformación",
        "Auditorio del Plantel Saltillo",
        "",
    ),
    (
        3,
        "17:00",
        "Feria vocacional",
        "Plaza de Armas, Monclova",
        "Orientación a estudiantes de secundaria y sus familias.",
    ),
    (7, "09:30", "Ceremonia de honores a la bandera", "Plantel Saltillo", ""),
    (
        9,
        "12:00",
        "Entrega de certificados de competencia laboral",
        "Plantel Monclova",
        "Estudiantes de la especialidad de soldadura.",
    ),
]


def cargar_agenda(inicio, areas=None):
    """The public Agenda page and this week's and next week's events."""
    agenda, _ = hija(
        inicio,
        AgendaPage,
        "agenda",
        title="Agenda",
        show_in_menus=True,
        intro="<p>Actividades públicas de la institución, semana por semana.</p>",
    )
    lunes = lunes_de(timezone.localdate())
    for dias, hora, titulo, lugar, descripcion in EVENTOS:
        horas, minutos = map(int, hora.split(":"))
        Evento.objects.get_or_create(
            titulo=titulo,
            fecha=lunes + timedelta(days=dias),
            defaults={
                "hora": time(horas, minutos),
                "lugar": lugar,
                "descripcion": descripcion,
            },
        )
    return agenda
