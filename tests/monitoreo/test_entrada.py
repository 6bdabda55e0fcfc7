"""The ways in: CSV import, RSS/Atom polling against a real local server, connectors."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from monitoreo.conectores import conectores, recibir
from monitoreo.fuentes import revisar_canales
from monitoreo.models import FormatoImportacion, Mencion
from tests.admin import cliente, denegada
from tests.factories import MedioFactory, MencionFactory, ReglaFactory

IMPORTAR = "wagtailsnippets_monitoreo_mencion:importar"


@pytest.fixture
def formato(institucion_compartida):
    """Facebook's comment export, as the office downloads it."""
    return FormatoImportacion.objects.create(
        nombre="Exportación de comentarios de Facebook",
        medio=MedioFactory(nombre="Facebook CEPRU", tipo="red"),
        formato_fecha="%d/%m/%Y %H:%M",
        col_fecha="Fecha",
        col_texto="Comentario",
        col_autor="Nombre",
        col_url="Enlace",
        col_tipo="Tipo",
    )


def subir(c, formato, contenido):
    archivo = _archivo(contenido)
    return c.post(reverse(IMPORTAR), {"formato": formato.pk, "archivo": archivo})


def _archivo(contenido):
    return SimpleUploadedFile("comentarios.csv", contenido.encode(), "text/csv")


BUENO = (
    "Fecha,Comentario,Nombre,Enlace,Tipo\n"
    "23/11/2026 09:15,No han pagado mi beca,Ana Ruiz,https://fb.com/p/1?c=1,\n"
    "23/11/2026 09:20,¡Felicidades por la feria!,Juan Mata,https://fb.com/p/1?c=2,Comentario\n"
    "23/11/2026 09:25,¿Cuándo abren inscripciones?,Eva Paz,https://fb.com/p/1?c=3,duda\n"
)


def test_a_good_csv_is_previewed_then_imported_with_the_rules(formato):
    ReglaFactory(frase="beca", tema="Becas")
    c = cliente("monitoreo")
    respuesta = subir(c, formato, BUENO)
    html = respuesta.content.decode()
    assert "Vista previa (3 filas)" in html and "Ana Ruiz" in html
    assert not Mencion.objects.exists()  # the preview saves nothing
    respuesta = c.post(reverse(IMPORTAR), {"accion": "importar"}, follow=True)
    assert "Se importaron 3 menciones; 0 repetidas" in respuesta.content.decode()
    beca = Mencion.objects.get(autor="Ana Ruiz")
    assert (beca.tipo, beca.tema, beca.origen) == ("queja", "Becas", "csv")
    assert beca.medio == formato.medio
    feria = Mencion.objects.get(autor="Juan Mata")
    assert feria.tipo == "comentario" and feria.clasificacion_manual
    assert Mencion.objects.get(autor="Eva Paz").tipo == "duda"


def test_a_csv_with_one_bad_row_imports_nothing_and_names_the_row(formato):
    malo = BUENO + "31/02/2026 10:00,Otra,Rosa,https://fb.com/p/1?c=4,\n"
    malo += "24/11/2026 10:00,,Rosa,notaurl,queja rara\n"
    respuesta = subir(cliente("monitoreo"), formato, malo)
    html = respuesta.content.decode()
    assert "El archivo no se importó: ninguna fila se guardó." in html
    assert "Fila 5: la fecha «31/02/2026 10:00» no tiene el formato" in html
    assert (
        "Fila 6: falta texto; el tipo «queja rara» no existe; "
        "la dirección «notaurl» no es un enlace." in html
    )
    assert "Vista previa" not in html
    # Nor can the refused file be confirmed afterwards.
    cliente("monitoreo").post(reverse(IMPORTAR), {"accion": "importar"})
    assert not Mencion.objects.exists()


def test_a_csv_without_the_sources_columns_is_refused(formato):
    respuesta = subir(cliente("monitoreo"), formato, "fecha;texto\n1;2\n")
    assert "Faltan columnas en el archivo" in respuesta.content.decode()
    assert not Mencion.objects.exists()


def test_a_reimported_csv_skips_its_duplicates(formato):
    c = cliente("monitoreo")
    subir(c, formato, BUENO)
    c.post(reverse(IMPORTAR), {"accion": "importar"})
    subir(c, formato, BUENO.replace("?c=1", "?c=1&utm_source=fb"))
    respuesta = c.post(reverse(IMPORTAR), {"accion": "importar"}, follow=True)
    assert "Se importaron 0 menciones; 3 repetidas" in respuesta.content.decode()
    assert Mencion.objects.count() == 3


def test_only_the_desk_imports(formato):
    respuesta = subir(cliente("editor"), formato, BUENO)
    assert denegada(respuesta)
    assert not Mencion.objects.exists()


# RSS/Atom: a feed served on 127.0.0.1 by a real http.server thread.

ITEM = """<item><title>{titulo}</title><link>{link}</link>
<description>{texto}</description>
<pubDate>Mon, 23 Nov 2026 15:00:00 GMT</pubDate></item>"""


class Canal:
    """What the local server serves, and what it was asked."""

    def __init__(self):
        self.items = []
        self.etag = '"v1"'
        self.peticiones = []

    def xml(self):
        cuerpo = "".join(ITEM.format(**i) for i in self.items)
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Portal</title>{cuerpo}</channel></rss>"
        ).encode()


@pytest.fixture
def canal():
    estado = Canal()

    class Manejador(BaseHTTPRequestHandler):
        def do_GET(self):
            condicion = self.headers.get("If-None-Match")
            estado.peticiones.append(condicion)
            if condicion == estado.etag:
                self.send_response(304)
                self.end_headers()
                return
            cuerpo = estado.xml()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", estado.etag)
            self.send_header("Last-Modified", "Mon, 23 Nov 2026 15:00:00 GMT")
            self.send_header("Content-Length", str(len(cuerpo)))
            self.end_headers()
            self.wfile.write(cuerpo)

        def log_message(self, *args):
            pass

    servidor = ThreadingHTTPServer(("127.0.0.1", 0), Manejador)
    hilo = threading.Thread(target=servidor.serve_forever, daemon=True)
    hilo.start()
    estado.url = f"http://127.0.0.1:{servidor.server_port}/rss.xml"
    yield estado
    servidor.shutdown()
    servidor.server_close()


def test_rss_polling_takes_new_matching_items_only_twice_in_a_row(
    institucion_compartida, canal
):
    portal = MedioFactory(nombre="Portal Noticias Coahuila", tipo="portal")
    portal.feed = canal.url
    portal.save()
    canal.items = [
        {
            "titulo": "El CEPRU abre inscripciones",
            "link": "https://noticias.example/cepru-inscripciones?utm_source=rss",
            "texto": "El Centro de Estudios Profesionales del Estado anunció…",
        },
        {
            "titulo": "Lluvias en Saltillo",
            "link": "https://noticias.example/lluvias",
            "texto": "Nada de la institución.",
        },
    ]
    assert revisar_canales([portal]) == 1
    primera = Mencion.objects.get()
    assert primera.origen == "rss" and primera.medio == portal
    assert primera.publicada_en == datetime.datetime(
        2026, 11, 23, 15, tzinfo=datetime.UTC
    )
    portal.refresh_from_db()
    assert portal.feed_etag == '"v1"'

    # Second read, unchanged feed: the server answers 304 and nothing is added.
    assert revisar_canales([portal]) == 0
    assert canal.peticiones == [None, '"v1"']

    # The feed changes: the same story under another URL form and one new item.
    canal.etag = '"v2"'
    canal.items.append(
        {
            "titulo": "El CEPRU abre inscripciones",
            "link": "https://www.noticias.example/cepru-inscripciones/",
            "texto": "Repetida con otra dirección.",
        }
    )
    canal.items.append(
        {
            "titulo": "Entrevista a la directora del CEPRU",
            "link": "https://noticias.example/entrevista",
            "texto": "Mismo texto.",
        }
    )
    portal.refresh_from_db()
    assert revisar_canales([portal]) == 1
    assert Mencion.objects.count() == 2
    assert canal.peticiones[-1] == '"v1"'


def test_the_scheduler_command_enqueues_due_feeds_only(institucion_compartida, canal):
    portal = MedioFactory(nombre="Portal Laguna", tipo="portal")
    portal.feed = canal.url
    portal.save()
    canal.items = [
        {"titulo": "CEPRU en Torreón", "link": "https://l.example/1", "texto": "x"}
    ]
    call_command("revisar_canales")
    call_command("revisar_canales")  # read within the hour: not again
    assert len(canal.peticiones) == 1
    assert Mencion.objects.count() == 1


def test_a_connector_registered_by_setting_brings_comments_without_duplicates(
    institucion_compartida, settings
):
    settings.MONITOREO_CONECTORES = {
        "facebook": "tests.monitoreo.conector_de_prueba.RedDePrueba"
    }
    ReglaFactory(frase="queja", tipo="queja", sentimiento="negativo")
    MencionFactory(texto="Otra", url="https://facebook.com/cepru/posts/1?comment_id=10")
    conector = conectores()["facebook"]
    desde = timezone.now() - datetime.timedelta(days=1)
    assert recibir(conector, desde) == 1
    assert recibir(conector, desde) == 0
    nueva = Mencion.objects.get(autor="Rosa Ibarra")
    assert (nueva.origen, nueva.tipo, nueva.cuenta) == ("conector", "queja", "facebook")
