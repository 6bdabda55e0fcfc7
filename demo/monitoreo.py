"""The demo's monitoring desk: a week of mentions in Coahuila's (fictional) media.

Outlets with programmes, the monitor's roster, the áreas' contacts and their
user, rules, about 60 mentions of every type and state (two complaints overdue),
a boletín picked up by three outlets, one day's report sent, and the published
privacy notice.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from archivo.publicacion import registrar_publicacion
from campanas.models import PublicacionProgramada
from home.models import InstitucionSettings, StandardPage
from monitoreo.models import (
    AsignacionMonitoreo,
    DestinatarioReporte,
    FormatoImportacion,
    Medio,
    Mencion,
    Programa,
    Regla,
    ReporteMonitoreo,
    ResponsableArea,
)
from monitoreo.pdf import reporte_pdf
from monitoreo.plazos import sumar_dias_habiles
from monitoreo.reporte import asunto_de, datos_del_dia

from .home import hija

MEDIOS = [
    # nombre, tipo, conductor, teléfono, programas [(nombre, días, de, a)]
    ("El Heraldo de la Laguna", Medio.PRENSA, "Mtra. Irma Salas", "871 712 3400", []),
    ("Vanguardia del Norte", Medio.PRENSA, "Lic. Óscar Treviño", "844 450 1000", []),
    (
        "Radio Saltillo 93.5",
        Medio.RADIO,
        "Carlos Ibarra",
        "844 415 9350",
        [("Enfoque Matutino", "0,1,2,3,4", 7, 10), ("La Hora Coahuilense", "5", 9, 11)],
    ),
    (
        "Canal 7 Coahuila",
        Medio.TV,
        "Mariana Cepeda",
        "844 416 7000",
        [("Noticiero Estelar", "0,1,2,3,4", 20, 21)],
    ),
    ("Portal Noticias Monclova", Medio.PORTAL, "Redacción", "866 633 2200", []),
    ("Facebook CETEC Coahuila", Medio.RED, "", "", []),
]

TEXTOS = {
    "queja": [
        "Llevo dos semanas esperando mi constancia del CETEC y nadie contesta.",
        "En el plantel Torreón no hay agua en los baños desde el lunes.",
        "No han depositado la beca de transporte de mi hija.",
        "El camión escolar del plantel Monclova no pasó hoy.",
    ],
    "sugerencia": [
        "Sería bueno abrir inscripciones en línea para los planteles rurales.",
        "Propongo horarios de biblioteca en fin de semana.",
    ],
    "duda": [
        "¿Cuándo salen los resultados del examen de admisión del CETEC?",
        "¿Qué documentos piden para la beca de excelencia?",
    ],
    "comentario": [
        "Felicidades a los alumnos del CETEC por el primer lugar en robótica.",
        "Muy bien la feria de ciencias, mis hijos la disfrutaron.",
        "Qué mal que cancelaron el torneo sin avisar.",
    ],
    "nota": [
        "El CETEC Coahuila entregó equipo de cómputo a sus planteles.",
        "Alumnos del CETEC ganan concurso estatal de emprendimiento.",
    ],
    "columna": ["En su columna, el analista cuestiona el presupuesto del CETEC."],
}
SENTIMIENTO = {
    "queja": "negativo",
    "sugerencia": "neutro",
    "duda": "neutro",
    "nota": "positivo",
    "columna": "negativo",
}
AUTORES = [
    "Rosa Martínez (@rosamtz)",
    "Juan Carlos Pérez",
    "Lupita Hdz (@lupitahdz)",
    "Alejandro Ruiz",
    "Martha Elena Garza",
]


def cargar(areas, boletin=None):
    """Everything of the desk; existing rows are kept (idempotent)."""
    User = get_user_model()
    monitor = User.objects.get(username="monitoreo")
    titular = User.objects.get(username="titular")
    medios = _directorio()
    _rol(monitor, medios)
    _areas(areas)
    _reglas(areas)
    FormatoImportacion.objects.get_or_create(
        nombre="Exportación de comentarios de Facebook",
        defaults={
            "medio": medios["Facebook CETEC Coahuila"],
            "col_fecha": "Fecha",
            "col_texto": "Comentario",
            "col_autor": "Nombre",
            "col_url": "Enlace",
        },
    )
    DestinatarioReporte.objects.get_or_create(
        correo="direccion.general@cetec.edu.mx",
        defaults={"nombre": "Director General"},
    )
    DestinatarioReporte.objects.get_or_create(
        correo="secretaria.particular@cetec.edu.mx",
        defaults={"nombre": "Secretaría Particular"},
    )
    if not Mencion.objects.exists():
        _semana(medios, areas, monitor, boletin)
        if PublicacionProgramada.objects.filter(fecha__lte=timezone.now()).exists():
            _sobre_la_campana(medios, monitor)
    _reporte_enviado(monitor, titular)


def _directorio():
    medios = {}
    for nombre, tipo, conductor, telefono, programas in MEDIOS:
        medio, creado = Medio.objects.get_or_create(
            nombre=nombre,
            defaults={"tipo": tipo, "conductor": conductor, "telefono": telefono},
        )
        if creado:
            for orden, (programa, dias, de, a) in enumerate(programas):
                Programa.objects.create(
                    medio=medio,
                    sort_order=orden,
                    nombre=programa,
                    dias=dias,
                    hora_inicio=datetime.time(de),
                    hora_fin=datetime.time(a),
                    conductor=conductor,
                )
        medios[nombre] = medio
    return medios


def _rol(monitor, medios):
    if AsignacionMonitoreo.objects.exists():
        return
    radio = medios["Radio Saltillo 93.5"]
    for dia in range(5):
        AsignacionMonitoreo.objects.create(
            monitorista=monitor,
            medio=radio,
            programa=radio.programas.first(),
            dia=dia,
            hora_inicio=datetime.time(7),
            hora_fin=datetime.time(10),
        )
        AsignacionMonitoreo.objects.create(
            monitorista=monitor,
            medio=medios["Canal 7 Coahuila"],
            programa=medios["Canal 7 Coahuila"].programas.first(),
            dia=dia,
            hora_inicio=datetime.time(20),
            hora_fin=datetime.time(21),
        )
    AsignacionMonitoreo.objects.create(
        monitorista=monitor,
        medio=medios["Facebook CETEC Coahuila"],
        dia=5,
        hora_inicio=datetime.time(9),
        hora_fin=datetime.time(13),
    )


def _areas(areas):
    area_user = get_user_model().objects.get(username="area")
    ResponsableArea.objects.get_or_create(
        area=areas["vinculacion"],
        correo="vinculacion@cetec.edu.mx",
        defaults={
            "nombre": "Lic. Ernesto Villarreal Soto",
            "puesto": "Director de Vinculación",
            "usuario": area_user,
        },
    )
    for slug, nombre, correo in (
        ("plantel-torreon", "Ing. Héctor Manuel Rivas Soto", "torreon@cetec.edu.mx"),
        ("academica", "Dra. Silvia Peña Rosales", "academica@cetec.edu.mx"),
    ):
        ResponsableArea.objects.get_or_create(
            area=areas[slug], correo=correo, defaults={"nombre": nombre}
        )


def _reglas(areas):
    for nombre, frase, campos in (
        (
            "Becas",
            "beca",
            {
                "tipo": "queja",
                "sentimiento": "negativo",
                "tema": "Becas",
                "area": areas["vinculacion"],
            },
        ),
        (
            "Transporte",
            "camion escolar",
            {"tema": "Transporte", "area": areas["vinculacion"]},
        ),
        (
            "Agua",
            "no hay agua",
            {
                "tipo": "queja",
                "tema": "Instalaciones",
                "area": areas["plantel-torreon"],
            },
        ),
        (
            "Admisión",
            "examen de admision",
            {"tema": "Admisión", "area": areas["academica"]},
        ),
    ):
        Regla.objects.get_or_create(nombre=nombre, defaults={"frase": frase, **campos})


def _semana(medios, areas, monitor, boletin):
    """About 60 mentions over the last seven days, in every state."""
    ahora = timezone.now()
    lista = list(medios.values())
    creadas = []
    n = 0
    for dias_atras in range(8, -1, -1):
        for tipo, textos in TEXTOS.items():
            texto = textos[(dias_atras + n) % len(textos)]
            n += 1
            cuando = ahora - datetime.timedelta(days=dias_atras, hours=n % 9)
            mencion = Mencion(
                medio=lista[n % len(lista)],
                publicada_en=cuando,
                autor=AUTORES[n % len(AUTORES)]
                if tipo not in ("nota", "columna")
                else "",
                texto=texto,
                tipo=tipo,
                sentimiento=SENTIMIENTO.get(tipo, "positivo" if n % 3 else "negativo"),
                tema={"queja": "Servicios escolares"}.get(tipo, ""),
                area=areas["vinculacion"]
                if tipo in ("queja", "sugerencia", "duda")
                else None,
                asignada_a=monitor if n % 2 else None,
                destacada=tipo == "columna",
                clasificacion_manual=True,
                creada_por=monitor,
            )
            if tipo in ("queja", "sugerencia", "duda"):
                _en_proceso(mencion, dias_atras, cuando, n)
            elif dias_atras == 0 and tipo == "comentario":
                # Today's comment waits in the inbox, unclassified.
                mencion.tipo = mencion.sentimiento = ""
                mencion.clasificacion_manual = False
            elif dias_atras > 1:
                mencion.estado = Mencion.CERRADA
                mencion.cerrada_en = cuando + datetime.timedelta(hours=3)
            mencion.save()
            creadas.append(mencion)
    # Two complaints overdue: channelled eight business days ago, unanswered.
    for texto in TEXTOS["queja"][:2]:
        canalizada = ahora - datetime.timedelta(days=12)
        mencion = Mencion.objects.create(
            medio=medios["Facebook CETEC Coahuila"],
            publicada_en=canalizada,
            autor="Ciudadano inconforme",
            texto=f"{texto} (segunda vez que lo reporto)",
            tipo="queja",
            sentimiento="negativo",
            area=areas["vinculacion"],
            estado=Mencion.CANALIZADA,
            canalizada_en=canalizada,
            vence=sumar_dias_habiles(timezone.localdate(canalizada), 5),
            clasificacion_manual=True,
            creada_por=monitor,
        )
        registrar_publicacion(mencion, usuario=monitor)
    if boletin is not None:
        for nombre in (
            "El Heraldo de la Laguna",
            "Radio Saltillo 93.5",
            "Canal 7 Coahuila",
        ):
            Mencion.objects.create(
                medio=medios[nombre],
                publicada_en=ahora - datetime.timedelta(days=1, hours=2),
                texto=f"{nombre} retomó el boletín «{boletin.title}».",
                tipo="nota",
                sentimiento="positivo",
                publicacion=boletin,
                estado=Mencion.CERRADA,
                clasificacion_manual=True,
                creada_por=monitor,
            )


def _sobre_la_campana(medios, monitor):
    """Comments on the running campaign's last two posts (reception per post)."""
    publicadas = PublicacionProgramada.objects.filter(
        fecha__lte=timezone.now(), page__live=True
    ).order_by("-fecha")[:2]
    comentarios = [
        ("positivo", "comentario", "", "Qué bueno que lo hablen en la escuela."),
        ("negativo", "comentario", "", "Esto debería verse también con los padres."),
        ("negativo", "queja", "Atención a víctimas", "Denuncié y nadie me atendió."),
    ]
    for n, (sentimiento, tipo, tema, texto) in enumerate(comentarios):
        publicacion = publicadas[min(n // 2, len(publicadas) - 1)]
        Mencion.objects.create(
            medio=medios["Facebook CETEC Coahuila"],
            publicada_en=publicacion.fecha + datetime.timedelta(hours=2 + n),
            autor=AUTORES[n % len(AUTORES)],
            texto=texto,
            tipo=tipo,
            sentimiento=sentimiento,
            tema=tema,
            publicacion_id=publicacion.page_id,
            publicacion_de_campana=publicacion,
            estado=Mencion.CERRADA if tipo == "comentario" else Mencion.CLASIFICADA,
            clasificacion_manual=True,
            creada_por=monitor,
        )


def _en_proceso(mencion, dias_atras, cuando, n):
    """Older complaints are answered and closed; recent ones still in process."""
    if dias_atras >= 4:
        mencion.estado = Mencion.CERRADA if n % 4 else Mencion.SIN_RESPUESTA
        mencion.canalizada_en = cuando
        mencion.vence = sumar_dias_habiles(timezone.localdate(cuando), 5)
        if mencion.estado == Mencion.CERRADA:
            mencion.respuesta_area = "Se atendió y se informó a la persona."
            mencion.informe_ciudadano = "Le respondimos por mensaje directo."
            mencion.ciudadano_informado_en = cuando + datetime.timedelta(days=1)
        else:
            mencion.motivo_sin_respuesta = "Cuenta sin datos de contacto."
        mencion.cerrada_en = cuando + datetime.timedelta(days=1)
    elif dias_atras >= 2:
        mencion.estado = Mencion.RESPONDIDA
        mencion.canalizada_en = cuando
        mencion.vence = sumar_dias_habiles(timezone.localdate(cuando), 5)
        mencion.respuesta_area = "Se revisó y se resolverá esta semana."
        mencion.respondida_en = cuando + datetime.timedelta(hours=20)
    elif dias_atras == 1:
        mencion.estado = Mencion.CANALIZADA
        mencion.canalizada_en = cuando
        mencion.vence = sumar_dias_habiles(timezone.localdate(cuando), 5)
    else:
        mencion.estado = Mencion.CLASIFICADA


def _reporte_enviado(monitor, titular):
    """Yesterday's report, reviewed and sent (its delivery logged, a record)."""
    fecha = timezone.localdate() - datetime.timedelta(days=1)
    reporte, creado = ReporteMonitoreo.objects.get_or_create(
        fecha=fecha, defaults={"generado_por": monitor}
    )
    if reporte.enviado_en:
        return
    institucion = InstitucionSettings.for_site(Site.objects.get(is_default_site=True))
    contenido = reporte_pdf(reporte, datos_del_dia(fecha), institucion)
    reporte.pdf.save(
        f"reporte-monitoreo-{fecha:%Y-%m-%d}.pdf", ContentFile(contenido), save=False
    )
    reporte.enviado_en = timezone.now() - datetime.timedelta(hours=14)
    reporte.enviado_por = titular
    reporte.asunto = asunto_de(reporte)
    reporte.destinatarios = ", ".join(
        DestinatarioReporte.objects.values_list("correo", flat=True)
    )
    reporte.save()
    registrar_publicacion(reporte, usuario=titular)


def cargar_aviso(inicio):
    """The published privacy notice for the mentions' personal data."""
    return hija(
        inicio,
        StandardPage,
        "aviso-de-privacidad",
        title="Aviso de privacidad",
        show_in_menus=False,
        cuerpo=RichText(
            "<p>La Coordinación de Comunicación Social del CETEC Coahuila registra "
            "los comentarios, quejas y sugerencias publicados en medios y redes "
            "sociales sobre la institución, con el nombre o usuario público de "
            "quien los emite, para canalizarlos al área responsable, darles "
            "respuesta e informar a la Dirección General.</p>"
            "<p>Los datos se tratan conforme a la Ley General de Protección de "
            "Datos Personales en Posesión de Sujetos Obligados; solo los consultan "
            "Monitoreo, Coordinación, la Titular y el área a la que se canaliza el "
            "asunto, y se conservan un año en el archivo de trámite (serie 9C.9, "
            "Monitoreo de medios de comunicación), tras lo cual se dan de baja.</p>"
            "<p>Puede ejercer sus derechos de acceso, rectificación, cancelación y "
            "oposición ante la Unidad de Transparencia de la institución.</p>"
        ),
    )[0]
