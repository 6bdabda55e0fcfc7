"""The daily síntesis informativa (ISSSTESON P04): clippings assembled by Monitoreo,
authorised by the head (four eyes), e-mailed as a PDF by 9:30, archived."""

import datetime
import io
import os
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time
from PIL import Image
from pypdf import PdfReader
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from archivo.exportacion import escribir_bagit
from archivo.models import Registro
from monitoreo import sintesis as reglas
from monitoreo import tasks
from monitoreo.models import (
    AvisoSintesis,
    ControlSintesis,
    DestinatarioReporte,
    EnvioSintesis,
    PaginaEscaneada,
    Recorte,
    Sintesis,
)
from tests.admin import cliente, denegada
from tests.boletines.test_distribucion import smtp  # noqa: F401 — the SMTP fixture
from tests.factories import (
    MedioFactory,
    MencionFactory,
    PaginaEscaneadaFactory,
    RecorteFactory,
    SintesisFactory,
)

MEXICO = timezone.get_fixed_timezone(-360)  # UTC-6, no daylight saving since 2022
MARTES = datetime.date(2026, 11, 24)  # a working Tuesday
AGREGAR = "wagtailsnippets_monitoreo_sintesis:add"


def _a_las(fecha, hora, minuto=0):
    return datetime.datetime.combine(fecha, datetime.time(hora, minuto), tzinfo=MEXICO)


def _recortes():
    vanguardia = MedioFactory(nombre="Vanguardia")
    return [
        RecorteFactory(
            medio=vanguardia,
            titular="Abre el CEPRU la clínica del sur",
            bloque="institucion",
        ),
        RecorteFactory(
            medio=MedioFactory(nombre="El Siglo de Torreón"),
            titular="Suben los casos de dengue en el estado",
            bloque="salud_estatal",
            pagina="12B",
        ),
        RecorteFactory(
            medio=vanguardia,
            titular="Columna Política de Altura",
            bloque="columnas",
            columnista="Juan Columnista",
        ),
    ]


def _datos(recortes, fecha=None, **accion):
    return nested_form_data(
        {
            "fecha": (fecha or timezone.localdate()).isoformat(),
            "nota": "Sin notas relevantes del fin de semana.",
            "elementos": inline_formset([{"recorte": r.pk} for r in recortes]),
            **accion,
        }
    )


def _armar(usuario, recortes, **accion):
    respuesta = cliente(usuario).post(reverse(AGREGAR), _datos(recortes, **accion))
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    return Sintesis.objects.get(fecha=timezone.localdate())


def _accion(usuario, sintesis, nombre, follow=False):
    sintesis = Sintesis.objects.get(pk=sintesis.pk)
    estado = sintesis.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_monitoreo_sintesis:workflow_action",
        args=(sintesis.pk, nombre, estado.pk),
    )
    return cliente(usuario).post(url, {"confirmar": "on", "comment": ""}, follow=follow)


def _lista_de_la_direccion():
    DestinatarioReporte.objects.create(
        nombre="Director General", correo="dg@cepru.gob.mx"
    )
    DestinatarioReporte.objects.create(
        nombre="Secretaria particular", correo="sp@cepru.gob.mx"
    )


def _texto(contenido):
    return [p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages]


def _enviada():
    """Today's síntesis, approved (live) and sent by the worker's task, as the
    approval does (the approval itself is tested above and in the browser)."""
    sintesis = SintesisFactory(live=True, recortes=_recortes())
    tasks.enviar_sintesis.call(sintesis.pk)
    return Sintesis.objects.get(pk=sintesis.pk)


def test_the_approved_sintesis_is_emailed_as_a_pdf_with_cover_index_and_clippings(
    institucion_compartida, django_capture_on_commit_callbacks
):
    _lista_de_la_direccion()
    recortes = _recortes()
    # The monitor places them in her order: the column first, then the others.
    orden = [recortes[2], recortes[1], recortes[0]]
    sintesis = _armar("monitoreo", orden, **{"action-submit": "1"})
    assert not sintesis.live
    assert (
        sintesis.current_workflow_task_state.task.name == "Autorización de la síntesis"
    )
    assert not [m for m in mail.outbox if m.attachments]

    with django_capture_on_commit_callbacks(execute=True):
        assert not denegada(_accion("coordinacion", sintesis, "approve"))

    sintesis.refresh_from_db()
    assert sintesis.live
    titulo = reglas.titulo_de(timezone.localdate())
    assert re.fullmatch(r"Síntesis Informativa \d\d de [a-z]+ de \d{4}", titulo), titulo
    enviados = [m for m in mail.outbox if m.subject == titulo]
    assert sorted(m.to[0] for m in enviados) == ["dg@cepru.gob.mx", "sp@cepru.gob.mx"]
    correo = enviados[0]
    nombre, contenido, tipo = correo.attachments[0]
    assert (nombre, tipo) == (f"{titulo}.pdf", "application/pdf")

    paginas = _texto(contenido)
    portada, indice, *cuerpo = paginas
    assert "Síntesis Informativa" in portada and "Centro de Estudios" in portada
    assert titulo.removeprefix("Síntesis Informativa ") in portada
    assert "Índice" in indice
    # Blocks in the manual's order, each clipping on its page, the index says which
    # (pypdf reads each entry's dotted leader and number before its text).
    assert len(cuerpo) == 3
    entradas = {
        texto: int(numero)
        for numero, texto in re.findall(r"\.\s+(\d+)\n([^\n]+)", indice)
    }
    assert entradas == {
        "Institución": 3,
        "Vanguardia: Abre el CEPRU la clínica del sur": 3,
        "Salud estatal": 4,
        "El Siglo de Torreón: Suben los casos de dengue en el estado": 4,
        "Columnas": 5,
        "Vanguardia: Columna Política de Altura": 5,
    }, indice
    for texto, numero in entradas.items():
        assert texto.split(": ")[-1] in paginas[numero - 1]
    assert "Institución" in cuerpo[0] and "Vanguardia" in cuerpo[0]
    assert "Salud estatal" in cuerpo[1] and "Página 12B" in cuerpo[1]
    assert "Columnas" in cuerpo[2] and "Juan Columnista" in cuerpo[2]
    assert "20 consultorios" in cuerpo[0]  # the summary
    assert len(PdfReader(io.BytesIO(contenido)).pages[2].images) == 1  # the scan

    # Logged per person, sent, and archived with the PDF and the sending log.
    control = ControlSintesis.objects.get(sintesis=sintesis)
    assert list(control.envios.values_list("estado", flat=True)) == ["enviado"] * 2
    assert control.enviada_en and control.asunto == titulo
    registro = Registro.objects.de_objeto(sintesis).get()
    assert registro.serie.codigo.endswith("9C.10")
    assert registro.responsable  # the head who approved
    archivos = registro.instantaneas.get().archivos
    assert sorted(a["archivo"].rsplit(".", 1)[1] for a in archivos) == ["csv", "pdf"]
    bitacora = control.bitacora.read().decode()
    assert "dg@cepru.gob.mx,Enviado,1" in bitacora


def test_the_author_cannot_approve_her_own_sintesis(
    institucion_compartida, django_capture_on_commit_callbacks
):
    # Coordinación may approve síntesis, but not the one she assembled and sent.
    sintesis = _armar("coordinacion", _recortes(), **{"action-submit": "1"})
    # The dashboard offers the approval to the other head, not to her.
    inicio = reverse("wagtailadmin_home")
    propio = cliente("coordinacion").get(inicio).content.decode()
    assert "Tú la enviaste o editaste" in propio and "Aprobar y publicar" not in propio
    ajeno = cliente("titular").get(inicio).content.decode()
    assert "Aprobar y publicar" in ajeno and "/workflow/action/" in ajeno
    with django_capture_on_commit_callbacks(execute=True):
        _accion("coordinacion", sintesis, "approve")
    sintesis.refresh_from_db()
    assert not sintesis.live
    assert not [m for m in mail.outbox if m.attachments]

    with django_capture_on_commit_callbacks(execute=True):
        hecho = _accion("titular", sintesis, "approve", follow=True)
    assert Sintesis.objects.get(pk=sintesis.pk).live
    # The page after the action says so, with a link to the síntesis.
    assert f"Se aprobó y publicó «{sintesis}»" in hecho.content.decode()


@pytest.mark.parametrize(
    ("hora", "minuto", "tardia", "columna"),
    [(9, 10, False, "09:10"), (9, 41, True, "09:41 (fuera de tiempo)")],
)
def test_a_sintesis_sent_after_half_past_nine_is_marked_late_with_its_time(
    institucion_compartida,
    django_capture_on_commit_callbacks,
    hora,
    minuto,
    tardia,
    columna,
):
    _lista_de_la_direccion()
    with freeze_time(_a_las(MARTES, hora, minuto)):
        sintesis = _enviada()
    control = ControlSintesis.objects.get(sintesis=sintesis)
    assert control.tardia is tardia
    listado = cliente("titular").get(reverse("wagtailsnippets_monitoreo_sintesis:list"))
    assert columna in listado.content.decode()
    assert reglas.indicador(MARTES, MARTES) == {
        "hechas": 1,
        "registradas": 1,
        "a_tiempo": 0 if tardia else 1,
    }


def test_the_nine_oclock_alert_goes_only_while_the_sintesis_is_not_approved(
    institucion_compartida, django_capture_on_commit_callbacks
):
    with freeze_time(_a_las(MARTES, 8, 0)):
        SintesisFactory(fecha=MARTES, recortes=_recortes()[:1])
    with freeze_time(_a_las(MARTES, 8, 59)):
        call_command("avisar_sintesis")
    assert mail.outbox == []

    with freeze_time(_a_las(MARTES, 9, 0)):
        call_command("avisar_sintesis")
        call_command("avisar_sintesis")  # the scheduler's next minute: once only
    assert len(mail.outbox) == 1
    aviso = mail.outbox[0]
    assert aviso.subject.startswith("Síntesis informativa sin autorizar")
    assert {"monitoreo@cepru.gob.mx", "coordinacion@cepru.gob.mx"} <= set(aviso.to)
    assert "archivo@cepru.gob.mx" not in aviso.to
    assert "No se ha enviado a autorización." in aviso.body

    # The next day it is approved before 9:00: no alert.
    miercoles = MARTES + datetime.timedelta(days=1)
    mail.outbox.clear()
    with freeze_time(_a_las(miercoles, 8, 40)):
        _enviada()
    mail.outbox.clear()
    with freeze_time(_a_las(miercoles, 9, 5)):
        call_command("avisar_sintesis")
    assert mail.outbox == []
    assert list(AvisoSintesis.objects.values_list("fecha", flat=True)) == [MARTES]


def test_weekends_and_holidays_follow_the_configured_calendar(
    institucion_compartida, settings
):
    sabado = datetime.date(2026, 11, 28)
    revolucion = datetime.date(2026, 11, 16)  # third Monday of November
    assert not reglas.es_dia_de_sintesis(sabado)
    assert not reglas.es_dia_de_sintesis(revolucion)
    assert reglas.es_dia_de_sintesis(MARTES)
    with freeze_time(_a_las(sabado, 9, 30)):
        assert reglas.avisar_si_falta() is None
    settings.SINTESIS_CALENDARIO = "diario"
    assert reglas.es_dia_de_sintesis(sabado)
    with freeze_time(_a_las(sabado, 9, 30)):
        assert reglas.avisar_si_falta() is not None
    assert "La síntesis del día no se ha creado." in mail.outbox[0].body


def test_the_bagit_transfer_places_the_sintesis_under_year_and_month(
    institucion_compartida, django_capture_on_commit_callbacks, tmp_path
):
    with freeze_time(_a_las(MARTES, 9, 0)):
        sintesis = _enviada()
    registro = Registro.objects.de_objeto(sintesis).get()

    escribir_bagit(Registro.objects.filter(pk=registro.pk), tmp_path / "bolsa")

    carpeta = (
        tmp_path / "bolsa" / "data" / "sintesis" / "2026" / "11" / f"{registro.pk:08d}"
    )
    assert (carpeta / "registro.json").exists()
    pdfs = list((carpeta / "archivos").glob("*.pdf"))
    assert len(pdfs) == 1 and _texto(pdfs[0].read_bytes())[0]
    assert not (tmp_path / "bolsa" / "data" / "registros").exists()


def test_unused_scans_go_after_seven_days_and_used_ones_stay(institucion_compartida):
    with freeze_time("2026-11-10 12:00"):
        usada = PaginaEscaneadaFactory()
        sin_usar = PaginaEscaneadaFactory()
        RecorteFactory(escaneo=usada)
    with freeze_time("2026-11-16 12:00"):
        reciente = PaginaEscaneadaFactory()
    archivo_viejo = sin_usar.imagen.path

    with freeze_time("2026-11-17 13:00"):
        call_command("limpiar_escaneos")

    assert set(PaginaEscaneada.objects.all()) == {usada, reciente}
    assert not PaginaEscaneada.objects.filter(pk=sin_usar.pk).exists()
    assert not os.path.exists(archivo_viejo)
    assert os.path.exists(usada.imagen.path)


def test_a_clipping_is_cut_from_its_scan_with_the_crop_box(institucion_compartida):
    escaneo = PaginaEscaneadaFactory()
    recorte = Recorte(
        medio=escaneo.medio,
        titular="Nota recortada",
        resumen="Resumen.",
        bloque="general",
        escaneo=escaneo,
        recorte_x=50,
        recorte_y=100,
        recorte_ancho=200,
        recorte_alto=150,
    )
    recorte.full_clean()
    recorte.save()
    with recorte.imagen.open("rb") as archivo, Image.open(archivo) as imagen:
        assert imagen.size == (200, 150)


def test_a_crop_box_outside_the_page_is_refused(institucion_compartida):
    escaneo = PaginaEscaneadaFactory()  # 400 × 600
    recorte = Recorte(
        medio=escaneo.medio,
        titular="Nota",
        resumen="Resumen.",
        bloque="general",
        escaneo=escaneo,
        recorte_x=300,
        recorte_y=0,
        recorte_ancho=200,
        recorte_alto=100,
    )
    with pytest.raises(Exception, match="sale de la página"):
        recorte.full_clean()


def test_the_pdf_renders_in_the_worker_and_the_admin_shows_it(institucion_compartida):
    sintesis = SintesisFactory(recortes=_recortes())
    url = reverse("wagtailsnippets_monitoreo_sintesis:pdf", args=[sintesis.pk])
    monitor = cliente("monitoreo")
    assert monitor.post(url).status_code == 302  # the worker (inline here) renders
    pagina = monitor.get(url).content.decode()
    assert "PDF listo" in pagina and "3 recortes" in pagina
    descarga = monitor.get(url + "?descargar=1")
    assert quote(sintesis.nombre_pdf) in descarga["Content-Disposition"]
    contenido = b"".join(descarga.streaming_content)
    assert "Abre el CEPRU la clínica del sur" in "".join(_texto(contenido))


def test_the_director_generals_signed_link_reads_the_live_sintesis_until_it_expires(
    institucion_compartida, django_capture_on_commit_callbacks, client
):
    with freeze_time(_a_las(MARTES, 9, 0)):
        sintesis = _enviada()
        enlace = reglas.enlace_de_lectura(sintesis)
        ruta = enlace.removeprefix("http://testserver")
        pagina = client.get(ruta)
        assert pagina.status_code == 200
        html = pagina.content.decode()
        assert "Suben los casos de dengue en el estado" in html
        assert 'name="viewport"' in html
        assert client.get(ruta[:-3] + "xyz/").status_code == 404
    with freeze_time(_a_las(MARTES + datetime.timedelta(days=4), 9, 0)):
        assert client.get(ruta).status_code == 404


def test_a_draft_has_no_reading_link(institucion_compartida, client):
    sintesis = SintesisFactory(recortes=_recortes()[:1])  # a draft
    ruta = reglas.enlace_de_lectura(sintesis).removeprefix("http://testserver")
    assert client.get(ruta).status_code == 404


@pytest.mark.parametrize("usuario", ["archivo", "editor", "enlace"])
def test_other_roles_cannot_open_the_sintesis_views(institucion_compartida, usuario):
    recorte = RecorteFactory()
    escaneo = PaginaEscaneadaFactory()
    sintesis = SintesisFactory(recortes=[recorte])
    persona = cliente(usuario)
    urls = [
        reverse("wagtailsnippets_monitoreo_sintesis:list"),
        reverse("wagtailsnippets_monitoreo_sintesis:add"),
        reverse("wagtailsnippets_monitoreo_sintesis:edit", args=[sintesis.pk]),
        reverse("wagtailsnippets_monitoreo_sintesis:pdf", args=[sintesis.pk]),
        reverse("wagtailsnippets_monitoreo_recorte:list"),
        reverse("wagtailsnippets_monitoreo_recorte:edit", args=[recorte.pk]),
        reverse("wagtailsnippets_monitoreo_paginaescaneada:list"),
        reverse("wagtailsnippets_monitoreo_paginaescaneada:edit", args=[escaneo.pk]),
    ]
    for url in urls:
        respuesta = persona.get(url)
        assert respuesta.status_code in (302, 403, 404), url
        assert respuesta.status_code != 302 or denegada(respuesta), url
    assert persona.post(urls[3]).status_code in (302, 403, 404)
    assert not EnvioSintesis.objects.exists()
    assert ControlSintesis.objects.filter(pdf_estado="generando").count() == 0


def test_the_dashboard_counts_down_to_half_past_nine_and_says_what_is_missing(
    institucion_compartida,
):
    with freeze_time(_a_las(MARTES, 9, 10)):
        SintesisFactory(fecha=MARTES, recortes=_recortes()[:1])
        html = cliente("monitoreo").get(reverse("wagtailadmin_home")).content.decode()
        assert "Síntesis informativa de hoy" in html
        assert 'data-cuenta-regresiva="1200"' in html  # 20 minutes to 9:30
        assert "No se ha enviado a autorización." in html
        assert "Bloques sin recortes: Salud estatal" in html
        otro = cliente("archivo").get(reverse("wagtailadmin_home")).content.decode()
        assert "Síntesis informativa de hoy" not in otro


def test_a_refused_delivery_is_logged_and_retried_like_the_boletines(
    institucion_compartida,
    smtp,  # noqa: F811 — the fixture imported above
    settings,
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _lista_de_la_direccion()
    smtp.rechazar.add("sp@cepru.gob.mx")
    sintesis = SintesisFactory(live=True, recortes=_recortes()[:1])

    antes = timezone.now()
    tasks.enviar_sintesis.call(sintesis.pk)

    control = ControlSintesis.objects.get(sintesis=sintesis)
    bien, mal = control.envios.order_by("correo")
    assert (bien.estado, mal.estado) == ("enviado", "reintentando")
    assert "550" in mal.ultimo_error and mal.intentos == 1
    reintento = DBTaskResult.objects.filter(
        task_path="monitoreo.tasks.entregar_sintesis", args_kwargs__args=[mal.pk]
    ).get()
    assert round((reintento.run_after - antes).total_seconds() / 60) == 2
    assert "sp@cepru.gob.mx,Reintentando,1" in control.bitacora.read().decode()
    assert [m["To"] for m in smtp.mensajes] == ["dg@cepru.gob.mx"]

    smtp.rechazar.clear()
    assert tasks.entregar_sintesis.call(mal.pk) == "enviado"
    mal.refresh_from_db()
    assert mal.intentos == 2 and mal.ultimo_error == ""


def test_press_items_of_the_inbox_are_candidates_and_start_a_clipping(
    institucion_compartida,
):
    nota = MencionFactory(
        nota=True,
        texto="El CEPRU entrega becas a 500 estudiantes",
        url="https://x.mx/n",
    )
    MencionFactory(queja=True, texto="Queja que no es nota de prensa")
    monitor = cliente("monitoreo")
    html = monitor.get(reverse("wagtailadmin_home")).content.decode()
    assert "El CEPRU entrega becas a 500 estudiantes" in html
    assert "Queja que no es nota de prensa" not in html
    agregar = reverse("wagtailsnippets_monitoreo_recorte:add")
    assert f"{agregar}?mencion={nota.pk}" in html
    formulario = monitor.get(f"{agregar}?mencion={nota.pk}").content.decode()
    assert "El CEPRU entrega becas a 500 estudiantes</textarea>" in formulario
    assert 'value="https://x.mx/n"' in formulario


def _pdf(*tamanos):
    """A scanner's PDF: one grey picture per page, of the given sizes."""
    paginas = [Image.new("RGB", tamano, "lightgrey") for tamano in tamanos]
    salida = io.BytesIO()
    paginas[0].save(salida, "PDF", save_all=True, append_images=paginas[1:])
    return salida.getvalue()


def _subir_escaneo(archivo, nombre, **datos):
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    return cliente("monitoreo").post(
        reverse("wagtailsnippets_monitoreo_paginaescaneada:add"),
        {
            "medio": MedioFactory().pk,
            "fecha": "2026-11-24",
            "pagina": "3A",
            "imagen": SimpleUploadedFile(nombre, archivo),
            **datos,
        },
    )


def test_a_scanned_pdf_page_becomes_the_scan_to_clip_from(institucion_compartida):
    respuesta = _subir_escaneo(
        _pdf((300, 400), (500, 700)), "el-diario.pdf", pagina_del_pdf="2"
    )

    assert respuesta.status_code == 302
    escaneo = PaginaEscaneada.objects.get(pagina="3A")
    assert (escaneo.ancho, escaneo.alto) == (500, 700)
    assert escaneo.imagen.name.endswith("el-diario-p2.jpg")
    with Image.open(escaneo.imagen.path) as imagen:
        assert imagen.format == "JPEG" and imagen.size == (500, 700)


@pytest.mark.parametrize(
    ("archivo", "pagina", "mensaje"),
    [
        ("texto", "1", "no trae una imagen escaneada"),
        ("escaneo", "3", "El PDF tiene 2 página(s); no existe la página 3."),
        ("roto", "1", "No se pudo leer el PDF"),
        ("otro", "1", "Seleccione una imagen válida"),
    ],
)
def test_a_pdf_page_without_a_picture_or_a_bad_file_is_refused_saving_nothing(
    institucion_compartida, archivo, pagina, mensaje
):
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    texto = io.BytesIO()
    lienzo = Canvas(texto)
    lienzo.drawString(72, 720, "Un boletín escrito, no escaneado")
    lienzo.save()
    contenido = {
        "texto": texto.getvalue(),
        "escaneo": _pdf((300, 400), (300, 400)),
        "roto": b"%PDF-1.4 esto no es un PDF",
        "otro": b"ni imagen ni PDF",
    }[archivo]

    respuesta = _subir_escaneo(contenido, "pagina.pdf", pagina_del_pdf=pagina)

    assert respuesta.status_code == 200
    assert mensaje in respuesta.content.decode()
    assert not PaginaEscaneada.objects.exists()
