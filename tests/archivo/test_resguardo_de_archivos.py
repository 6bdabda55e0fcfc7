"""The records' write-once store: what a record hashed is what it keeps and exports."""

import hashlib
import io
import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import bagit
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.rich_text import RichText

from archivo.almacenamiento import almacen
from archivo.models import (
    ArchivoResguardado,
    Disposicion,
    ExportacionRegistros,
    Registro,
    VerificacionFijeza,
)
from archivo.publicacion import registrar_publicacion
from archivo.registry import registrados
from campanas.conectores import RegistroManual
from campanas.models import PublicacionProgramada
from cms.indicadores import Periodo
from home.models import InstitucionSettings
from indicadores.informe import generar_informe_mensual
from media_library.models import Documento, Imagen, VideoPage
from monitoreo import tasks as tareas_de_monitoreo
from monitoreo.models import ReporteMonitoreo
from tests.admin import cliente
from tests.factories import (
    BoletinPageFactory,
    CampanaPageFactory,
    DocumentoFactory,
    ImagenFactory,
    RecorteFactory,
    SintesisFactory,
    VideoPageFactory,
)
from tests.factories.monitoreo import MencionFactory
from tests.media_library.test_videos import generar_clip


def _png(color):
    salida = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(salida, format="PNG")
    return salida.getvalue()


def _bytes(archivo):
    with archivo.open("rb"):
        return archivo.read()


def _en_resguardo(sha256):
    resguardado = ArchivoResguardado.objects.get(sha256=sha256)
    return Path(almacen.path(resguardado.ruta))


def _exportar(*argumentos):
    call_command("export_records", *argumentos, stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def boletin(institucion_compartida):
    """A live boletín with one photo, on record (so the photo is in the store)."""
    return BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        con_fotos=True,
        title="Inaugura el Colegio el laboratorio de química del plantel Saltillo",
    )


def _foto(boletin):
    return Imagen.objects.get(pk=boletin.fotos.get().imagen_id)


def _editar_imagen(usuario, imagen, contenido):
    return cliente(usuario).post(
        reverse("wagtailimages:edit", args=(imagen.pk,)),
        {
            "title": imagen.title,
            "description": imagen.description,
            "credito": imagen.credito,
            "licencia": imagen.licencia,
            "collection": str(imagen.collection_id),
            "file": SimpleUploadedFile("nueva.png", contenido),
        },
    )


def test_publication_copies_each_covered_file_into_the_store_under_its_hash(boletin):
    foto = _foto(boletin)
    registro = Registro.objects.de_objeto(boletin).get()
    (descrito,) = registro.instantaneas.get().archivos
    original = _bytes(foto.file)
    assert descrito["sha256"] == hashlib.sha256(original).hexdigest()
    resguardado = ArchivoResguardado.objects.get(sha256=descrito["sha256"])
    assert resguardado.ruta.startswith(f"registros/{descrito['sha256'][:2]}/")
    assert _en_resguardo(descrito["sha256"]).read_bytes() == original
    # The photo's own record covers the same bytes.
    foto_registro = Registro.objects.de_objeto(foto).get()
    assert set(resguardado.registros.all()) == {registro, foto_registro}


def test_replacing_the_photo_of_a_live_boletin_is_refused_with_the_reason(boletin):
    foto = _foto(boletin)
    antes = foto.file.name, _bytes(foto.file)

    respuesta = _editar_imagen("editor", foto, _png("orange"))

    assert respuesta.status_code == 200
    assert "No se puede reemplazar el archivo" in respuesta.content.decode()
    assert boletin.title in respuesta.content.decode()
    foto.refresh_from_db()
    assert (foto.file.name, _bytes(foto.file)) == antes


def test_replacing_a_document_a_live_page_links_to_is_refused(institucion_compartida):
    documento = DocumentoFactory(title="Convocatoria de nuevo ingreso 2027")
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        title="Abre el Colegio su convocatoria de nuevo ingreso",
        cuerpo=[("parrafo", RichText(_enlace(documento, "Convocatoria")))],
    )
    respuesta = cliente("editor").post(
        reverse("wagtaildocs:edit", args=(documento.pk,)),
        {
            "title": documento.title,
            "collection": str(documento.collection_id),
            "file": SimpleUploadedFile("otra.pdf", b"%PDF-1.4\n% otra\n%%EOF\n"),
        },
    )
    assert respuesta.status_code == 200
    assert "No se puede reemplazar el archivo" in respuesta.content.decode()
    assert Documento.objects.get(pk=documento.pk).file.read() == (b"%PDF-1.4\n%%EOF\n")


def test_the_file_of_a_photo_under_hold_is_not_replaced(boletin):
    foto = _foto(boletin)
    boletin.unpublish()  # no live page shows it any more
    registro = Registro.objects.de_objeto(foto).get()
    cliente("archivo").post(
        reverse("archivo_reserva", args=(registro.pk,)),
        {"accion": "reservar", "motivo": "Solicitud de acceso 0456/2026"},
    )
    respuesta = _editar_imagen("editor", foto, _png("orange"))
    assert respuesta.status_code == 200
    assert "está en reserva" in respuesta.content.decode()


def test_a_replaced_original_stays_in_the_record_and_the_bag_packs_the_old_bytes(
    boletin, tmp_path
):
    foto = _foto(boletin)
    original = _bytes(foto.file)
    boletin.unpublish()  # the photo may now be replaced: no live page shows it
    assert _editar_imagen("editor", foto, _png("orange")).status_code == 302
    foto.refresh_from_db()
    assert _bytes(foto.file) != original  # Wagtail deleted the old file

    destino = tmp_path / "transferencia"
    _exportar("--format", "bagit", "--tipo", "Boletín", "--out", str(destino))

    bolsa = bagit.Bag(str(destino))
    bolsa.validate()
    registro = Registro.objects.de_objeto(boletin).get()
    (copia,) = (
        destino / "data" / "registros" / f"{registro.pk:08d}" / "archivos"
    ).iterdir()
    sha = hashlib.sha256(original).hexdigest()
    assert copia.name.startswith(sha) and copia.read_bytes() == original


def test_an_export_stops_when_a_stored_file_no_longer_matches_its_hash(
    boletin, tmp_path, django_capture_on_commit_callbacks
):
    (descrito,) = Registro.objects.de_objeto(boletin).get().instantaneas.get().archivos
    _en_resguardo(descrito["sha256"]).write_bytes(b"otros bytes")

    with pytest.raises(CommandError, match="ya no coincide con su SHA-256"):
        _exportar("--format", "bagit", "--out", str(tmp_path / "paquete"))

    with django_capture_on_commit_callbacks(execute=True):
        cliente("archivo").post(
            reverse("archivo_exportaciones"), {"formato": "bagit", "consulta": ""}
        )
    pedido = ExportacionRegistros.objects.get()
    assert pedido.estado == ExportacionRegistros.FALLIDA
    assert "ya no coincide" in pedido.error


def test_verificar_registros_reports_missing_and_changed_files_on_the_workspace(
    boletin, institucion_compartida
):
    otro = BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        fotos=[ImagenFactory(file__color="#1b6a31")],
    )
    salida = StringIO()
    call_command("verificar_registros", stdout=salida)
    assert "0 faltante(s), 0 alterado(s)" in salida.getvalue()
    listado = cliente("archivo").get(reverse("archivo_registros:index"))
    assert "todos íntegros" in listado.content.decode()

    alterado = _en_resguardo(
        Registro.objects.de_objeto(boletin)
        .get()
        .instantaneas.get()
        .archivos[0]["sha256"]
    )
    alterado.write_bytes(b"alterado")
    faltante = _en_resguardo(
        Registro.objects.de_objeto(otro).get().instantaneas.get().archivos[0]["sha256"]
    )
    faltante.unlink()
    salida = StringIO()
    call_command("verificar_registros", stdout=salida)

    texto = salida.getvalue()
    assert "1 faltante(s), 1 alterado(s)" in texto
    assert f"FALTA    {faltante.name}" in texto
    assert f"ALTERADO {alterado.name}" in texto
    html = cliente("archivo").get(reverse("archivo_registros:index")).content.decode()
    assert "1 faltante(s) y 1 alterado(s)" in html
    assert faltante.name in html and alterado.name in html


def test_the_scheduler_runs_the_fixity_check_once_a_week(institucion_compartida):
    call_command("scheduler", "--once", stdout=StringIO())
    assert VerificacionFijeza.objects.count() == 1

    call_command("verificar_registros", "--si-toca", stdout=StringIO())
    assert VerificacionFijeza.objects.count() == 1  # not yet a week

    VerificacionFijeza.objects.update(iniciada=timezone.now() - timedelta(days=8))
    call_command("verificar_registros", "--si-toca", stdout=StringIO())
    assert VerificacionFijeza.objects.count() == 2


def _disponer(registros, tipo="baja"):
    """Archivo proposes, the Titular approves and Archivo executes, in the admin."""
    Registro.objects.filter(pk__in=[r.pk for r in registros]).update(
        fin_tramite="2020-01-01", fin_concentracion="2021-01-01"
    )
    archivo = cliente("archivo")
    archivo.post(
        reverse("archivo_disposiciones") + f"?tipo={tipo}",
        {"registros": [r.pk for r in registros], "justificacion": "Dictamen 7/2026"},
    )
    acta = Disposicion.objects.latest("pk")
    cliente("titular").post(
        reverse("archivo_disposicion", args=(acta.pk,)), {"accion": "aprobar"}
    )
    archivo.post(
        reverse("archivo_disposicion", args=(acta.pk,)), {"accion": "ejecutar"}
    )
    acta.refresh_from_db()
    return acta


def _enlace(documento, texto="Guía"):
    return f'<p><a linktype="document" id="{documento.pk}">{texto}</a></p>'


def test_an_executed_disposal_removes_only_the_bytes_no_other_record_keeps(
    institucion_compartida, django_capture_on_commit_callbacks
):
    guia = DocumentoFactory(file__data=b"%PDF-1.4\n% guia\n%%EOF\n")
    cartel = DocumentoFactory(file__data=b"%PDF-1.4\n% cartel\n%%EOF\n")
    campana = CampanaPageFactory(
        parent=institucion_compartida.campanas,
        publicada=True,
        descripcion=_enlace(guia) + _enlace(cartel, "Cartel"),
    )
    # A boletín (kept for history) also publishes the poster.
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        cuerpo=[("parrafo", RichText(_enlace(cartel, "Cartel")))],
    )
    sha_guia = hashlib.sha256(_bytes(guia.file)).hexdigest()
    sha_cartel = hashlib.sha256(_bytes(cartel.file)).hexdigest()
    ruta_guia, ruta_cartel = _en_resguardo(sha_guia), _en_resguardo(sha_cartel)
    registros = [
        Registro.objects.de_objeto(objeto).get() for objeto in (campana, guia, cartel)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        acta = _disponer(registros)

    assert acta.estado == Disposicion.EJECUTADA
    assert not ruta_guia.exists()
    eliminado = ArchivoResguardado.objects.get(sha256=sha_guia)
    assert eliminado.eliminado_por == acta and eliminado.eliminado_en
    assert ruta_cartel.read_bytes().startswith(b"%PDF")  # the boletín keeps it
    # The acta itself is a record, and the store keeps its PDF.
    (pdf,) = Registro.objects.de_objeto(acta).get().instantaneas.get().archivos
    assert _en_resguardo(pdf["sha256"]).read_bytes().startswith(b"%PDF")


def test_every_registered_type_exports_to_a_valid_bag_a_video_included(
    boletin, institucion_compartida, tmp_path
):
    """The old export looked each file up by its object's key: a video's master
    (``48-archivo_maestro``) made it fail with ``ValueError``."""
    documento = DocumentoFactory(title="Programa de la ceremonia")
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        cuerpo=[("parrafo", RichText(_enlace(documento, "Programa")))],
    )
    video = VideoPageFactory(parent=institucion_compartida.videoteca, publicada=True)
    campana = CampanaPageFactory(parent=institucion_compartida.campanas, publicada=True)
    post = PublicacionProgramada.objects.create(
        page=campana, fecha=timezone.now(), red="x", texto="Ya está abierta"
    )
    RegistroManual().publicar(post, None, url="https://x.com/cetec/status/7")
    # The monitoring desk's records: a channelled mention and a sent report.
    registrar_publicacion(MencionFactory(queja=True))
    reporte = ReporteMonitoreo.objects.create(
        fecha=timezone.localdate(),
        enviado_en=timezone.now(),
        pdf=SimpleUploadedFile("reporte.pdf", b"%PDF-1.4 reporte del dia"),
    )
    registrar_publicacion(reporte)
    # The monthly indicators report, generated from the dashboard.
    generar_informe_mensual(
        Periodo.que_contiene(timezone.localdate()),
        None,
        InstitucionSettings.for_site(institucion_compartida.sitio),
    )
    # The síntesis informativa: sent by the worker, it keeps its PDF and log.
    sintesis = SintesisFactory(live=True, recortes=[RecorteFactory()])
    tareas_de_monitoreo.enviar_sintesis.call(sintesis.pk)
    acta = _disponer([Registro.objects.de_objeto(campana).get()])
    assert acta.estado == Disposicion.EJECUTADA, list(
        Disposicion.objects.values_list("estado", flat=True)
    )

    destino = tmp_path / "transferencia"
    _exportar("--format", "bagit", "--out", str(destino))

    bolsa = bagit.Bag(str(destino))
    bolsa.validate()
    tipos = {str(r.tipo) for r in registrados()}
    inventario = json.loads((destino / "data" / "inventario.json").read_text())
    assert tipos <= {fila["tipo"] for fila in inventario}
    registro = Registro.objects.de_objeto(video).get()
    maestro = hashlib.sha256(_bytes(video.archivo_maestro)).hexdigest()
    archivos = destino / "data" / "registros" / f"{registro.pk:08d}" / "archivos"
    assert [p.name.split("-")[0] for p in archivos.iterdir()] == [maestro]
    # The report's record keeps the PDF that was sent.
    registro = Registro.objects.de_objeto(reporte).get()
    archivos = destino / "data" / "registros" / f"{registro.pk:08d}" / "archivos"
    pdf = hashlib.sha256(b"%PDF-1.4 reporte del dia").hexdigest()
    assert [p.name.split("-")[0] for p in archivos.iterdir()] == [pdf]
    # The síntesis goes in the manual's yearly and monthly folders.
    registro = Registro.objects.de_objeto(sintesis).get()
    carpeta = destino / "data" / "sintesis" / f"{sintesis.fecha:%Y/%m}"
    archivos = carpeta / f"{registro.pk:08d}" / "archivos"
    assert sorted(p.suffix for p in archivos.iterdir()) == [".csv", ".pdf"]


def test_a_new_master_for_a_live_video_waits_for_its_workflow_and_the_old_stays(
    institucion_compartida, tmp_path
):
    """A video's master is a field of its page: replacing it is a draft revision."""
    video = VideoPageFactory(parent=institucion_compartida.videoteca, publicada=True)
    maestro = video.archivo_maestro.name
    (descrito,) = Registro.objects.de_objeto(video).get().instantaneas.get().archivos
    nuevo = generar_clip(tmp_path / "nuevo.mp4", segundos=0.5)

    respuesta = cliente("editor").post(
        reverse("wagtailadmin_pages:edit", args=(video.pk,)),
        {
            "title": video.title,
            "slug": video.slug,
            "tipo": video.tipo,
            "descripcion": video.descripcion,
            "archivo_maestro": SimpleUploadedFile(
                "nuevo.mp4", nuevo.read_bytes(), "video/mp4"
            ),
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )

    assert respuesta.status_code == 302
    en_vivo = VideoPage.objects.get(pk=video.pk)
    assert en_vivo.archivo_maestro.name == maestro  # the public keeps the approved one
    assert en_vivo.has_unpublished_changes
    borrador = en_vivo.get_latest_revision_as_object()
    assert borrador.archivo_maestro.name != maestro
    assert _en_resguardo(descrito["sha256"]).read_bytes() == b"x"
