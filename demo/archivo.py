"""The demo catalogue: the series of the manuals' records inventories.

The inventories (ISSSTESON 63-COM-P01 to P04, León PR-DGCS/DAI-07 §7) give the
retention in the archivo de trámite and the final location; they say nothing of the
archivo de concentración, so those periods and the final destinations below are the
demo's assumptions, editable in the catalogue. Section 9C is Comunicación Social
among the common functions of the Archivo General de la Nación's chart.
"""

from archivo.models import SerieDocumental

SECCION = "9C"
JEFATURA = "Jefe de la Unidad de Enlace de Comunicación Social"
DIFUSION = "Encargado de Difusión"
MONITOREO = "Encargado de Monitoreo"
UNIDAD = "Unidad de Enlace de Comunicación Social"

# serie, nombre, trámite, concentración, destino, soporte, puesto
SERIES = [
    (
        "9C.1",
        "Publicaciones en redes sociales",
        3,
        2,
        "baja",
        "electronico",
        "Dirección de Difusión e Imagen Institucional",
    ),
    (
        "9C.2",
        "Archivos de Facebook, X e Instagram",
        3,
        2,
        "baja",
        "electronico",
        "Dirección de Difusión e Imagen Institucional",
    ),
    ("9C.3", "Formato Boletín Informativo", 1, 2, "historico", "ambos", JEFATURA),
    ("9C.4", "Fotografías", 1, 2, "historico", "ambos", DIFUSION),
    ("9C.5", "Archivo electrónico", 1, 2, "baja", "ambos", DIFUSION),
    ("9C.6", "Vídeo", 1, 2, "historico", "electronico", JEFATURA),
    (
        "9C.7",
        "Rol de programación de campañas institucionales",
        1,
        1,
        "baja",
        "electronico",
        JEFATURA,
    ),
    ("9C.8", "Correo electrónico con vídeo", 1, 1, "baja", "electronico", JEFATURA),
    ("9C.9", "Monitoreo de medios de comunicación", 1, 1, "baja", "ambos", JEFATURA),
    ("9C.10", "Síntesis informativa", 1, 2, "historico", "ambos", JEFATURA),
    (
        "9C.11",
        "Bitácora de envíos por correo electrónico",
        1,
        1,
        "baja",
        "electronico",
        MONITOREO,
    ),
    # The monthly indicators report (003 red de procesos) the Titular signs.
    ("9C.13", "Informes de indicadores", 1, 2, "historico", "electronico", JEFATURA),
    # Not in the manuals: where the acts of transfer and disposal are kept.
    (
        "9C.12",
        "Actas de transferencia y baja documental",
        5,
        5,
        "historico",
        "electronico",
        "Responsable del Archivo de Concentración",
    ),
]


def cargar_series(siglas):
    """The catalogue of ``siglas``' communication unit; existing rows are kept."""
    series = {}
    for clave, nombre, tramite, concentracion, destino, soporte, puesto in SERIES:
        serie, _ = SerieDocumental.objects.get_or_create(
            fondo=siglas,
            seccion=SECCION,
            serie=clave,
            defaults={
                "nombre": nombre,
                "plazo_tramite": tramite,
                "plazo_concentracion": concentracion,
                "destino_final": destino,
                "soporte": soporte,
                "puesto_responsable": puesto,
                "ubicacion": UNIDAD,
            },
        )
        series[clave] = serie
    return series
