"""Benchmark: the public site under load, uncached and through Varnish.

    .venv/bin/python bench/sitio.py [--boletines 100000] [--database-url URL]
        [--segundos 10] [--conexiones 8] [--sin-memoria] [--bakerydemo DIR]
        [--solo-planes]

Seeds the demo institution and ``--boletines`` boletines with photos (bulk inserts,
then the search index in batches) into a separate database: PostgreSQL
``bench_sitio`` on the local server by default, never the project's own. Then
starts gunicorn with 2 workers (production settings), drives it with ``wrk`` and
prints requests/s, p50 and p99 for the home page, the newsroom (pages 1 and 200), a
boletín and a search. Finally starts ``varnishd`` with ``deploy/varnish/default.vcl``
in front of gunicorn, measures the cached throughput of the same pages, and the time
from publishing a change to the proxy serving it (Wagtail purges through
``VARNISH_URL``). Needs ``wrk`` and ``varnish`` (``scripts/system-deps.sh bench``).

``--sin-memoria`` turns the shared cache off (``CACHE_DESACTIVADA``: Django's
``DummyCache``) for the uncached rows: what a visitor meets after a publication or
on a first visit. The process's own memory (site, settings, menu, routes) and
Wagtail's renditions cache stay, as they do in production.

``--bakerydemo DIR`` runs wagtail/bakerydemo from a checkout in ``DIR`` (its own
Python: ``DIR/.venv/bin/python`` or ``--bakerydemo-python``) on the same machine,
database server and gunicorn settings, against its equivalent pages (home, blog
index, a blog post, search), and prints each row also as the ratio of this
project's req/s to the bakerydemo's. With ``--sin-memoria`` the bakerydemo runs
with ``DummyCache`` too (its renditions cache in local memory).

``--solo-planes`` prints PostgreSQL's plan and timing of the newsroom's page 1
and page 500 queries, and of the previous/next links, then stops.
"""

import argparse
import datetime
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
VAR = RAIZ / "var" / "bench"
VENV_BIN = Path(sys.executable).parent
HOST = "localhost"  # the demo site's hostname: purges and requests must agree

TEMAS = [
    ("vacunación contra la influenza", "salud"),
    ("becas de transporte", "becas"),
    ("inscripciones al nuevo semestre", "inscripciones"),
    ("concurso de robótica", "ciencia"),
    ("convenio de prácticas profesionales", "vinculación"),
    ("ceremonia de graduación", "egresados"),
    ("campaña de reforestación", "medio ambiente"),
    ("torneo deportivo estatal", "deporte"),
    ("feria de ciencias", "ciencia"),
    ("capacitación docente", "docentes"),
]
PLANTELES = ["Saltillo", "Torreón", "Monclova", "Piedras Negras", "Acuña", "Parras"]


def _puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _entorno(database_url, varnish_url, sin_memoria=False):
    return {
        "CACHE_DESACTIVADA": "true" if sin_memoria else "false",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "clave-solo-para-mediciones-locales-no-secreta-0123456789",
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(VAR / "static"),
        "MEDIA_ROOT": str(VAR / "media"),
        "CMS_VAR_DIR": str(VAR),
        "VARNISH_URL": varnish_url,
        "LOG_LEVEL": "ERROR",
        # The demo site answers as http://localhost (port 80), the Host wrk sends;
        # purges carry the site's host and port, and Varnish matches on them.
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
    }


def _crear_base_postgres(database_url):
    """Create the bench database if missing (PostgreSQL only)."""
    if not database_url.startswith("postgres"):
        return
    import psycopg

    nombre = database_url.rsplit("/", 1)[1]
    servidor = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(servidor, autocommit=True) as conexion:
        existe = conexion.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [nombre]
        ).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{nombre}"')


def sembrar(cantidad):
    """The demo, then ``cantidad`` boletines with 1 to 3 photos each, in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Page, Site
    from wagtail.search.backends import get_search_backend

    from boletines.models import BoletinFoto, BoletinIndexPage, BoletinPage

    call_command("migrate", "--noinput", verbosity=0)
    # Before the demo: its publications render snapshots with hashed static names.
    call_command("collectstatic", "--noinput", verbosity=0)
    # The demo app is installed only with the dev and test settings.
    subprocess.run(
        [sys.executable, "manage.py", "setup_demo", "--sin-historial"],
        cwd=RAIZ,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    sitio = Site.objects.get(is_default_site=True)
    if (sitio.hostname, sitio.port) != (HOST, 80):  # a base seeded for make run
        sitio.hostname, sitio.port = HOST, 80
        sitio.save()  # save(), not update(): it clears Wagtail's cached root paths
    sala = BoletinIndexPage.objects.get()
    existentes = BoletinPage.objects.filter(slug__startswith="bench-").count()
    if existentes >= cantidad:
        print(f"Base ya sembrada: {existentes} boletines de prueba.")
        return
    inicio = time.perf_counter()
    imagenes = list(BoletinFoto.objects.values_list("imagen_id", flat=True).distinct())
    tipo = ContentType.objects.get_for_model(BoletinPage)
    ultimo = sala.get_last_child()
    paso = Page._str2int(ultimo.path[-Page.steplen :]) if ultimo else 0
    azar = random.Random(8)
    hoy = datetime.date.today()
    ahora = datetime.datetime.now(datetime.UTC)
    nuevas = cantidad - existentes
    with transaction.atomic():
        paginas, datos = [], []
        for n in range(existentes, cantidad):
            paso += 1
            tema, etiqueta = TEMAS[n % len(TEMAS)]
            plantel = PLANTELES[n % len(PLANTELES)]
            titulo = f"Plantel {plantel}: {tema} ({n})"
            slug = f"bench-{n}"
            fecha = hoy - datetime.timedelta(days=n // 3)
            paginas.append(
                Page(
                    title=titulo,
                    draft_title=titulo,
                    slug=slug,
                    content_type=tipo,
                    path=Page._get_path(sala.path, sala.depth + 1, paso),
                    depth=sala.depth + 1,
                    numchild=0,
                    url_path=f"{sala.url_path}{slug}/",
                    live=True,
                    locale_id=sala.locale_id,
                    first_published_at=ahora - datetime.timedelta(hours=n),
                    last_published_at=ahora - datetime.timedelta(hours=n),
                )
            )
            parrafo = (
                f"<p>El Plantel {plantel} informó sobre la {tema}. "
                f"Estudiantes, docentes y familias participaron en la actividad de "
                f"{etiqueta}, que forma parte del programa institucional de este "
                f"ciclo escolar.</p>"
            )
            datos.append(
                BoletinPage(
                    fecha=fecha,
                    lugar=f"{plantel}, Coahuila",
                    sumario=f"Comunidad del Plantel {plantel} participa en la {tema}.",
                    cuerpo=[("parrafo", parrafo)] * 3,
                )
            )
        Page.objects.bulk_create(paginas, batch_size=1000)
        creadas = Page.objects.filter(
            url_path__in=[p.url_path for p in paginas]
        ).values_list("url_path", "pk")
        pk_de = dict(creadas)
        campos = BoletinPage._meta.local_concrete_fields
        columnas = ", ".join(connection.ops.quote_name(c.column) for c in campos)
        marcas = ", ".join(["%s"] * len(campos))
        sql = f"INSERT INTO {BoletinPage._meta.db_table} ({columnas}) VALUES ({marcas})"
        filas, fotos = [], []
        for pagina, boletin in zip(paginas, datos, strict=True):
            boletin.page_ptr_id = pk_de[pagina.url_path]
            filas.append(
                [
                    c.get_db_prep_save(getattr(boletin, c.attname), connection)
                    for c in campos
                ]
            )
            for orden in range(azar.randint(1, 3)):
                fotos.append(
                    BoletinFoto(
                        page_id=boletin.page_ptr_id,
                        imagen_id=azar.choice(imagenes),
                        sort_order=orden,
                    )
                )
        with connection.cursor() as cursor:
            cursor.executemany(sql, filas)
        BoletinFoto.objects.bulk_create(fotos, batch_size=2000)
        Page.objects.filter(pk=sala.pk).update(numchild=sala.numchild + nuevas)
    sembrado = time.perf_counter() - inicio
    backend = get_search_backend()
    nuevos = BoletinPage.objects.filter(slug__startswith="bench-").order_by("pk")
    for desde in range(0, nuevos.count(), 1000):
        backend.add_bulk(BoletinPage, list(nuevos[desde : desde + 1000]))
    indexado = time.perf_counter() - inicio - sembrado
    print(
        f"Sembrados {nuevas} boletines con {len(fotos)} fotos en {sembrado:.1f} s; "
        f"índice de búsqueda en {indexado:.1f} s."
    )


def _esperar(puerto, segundos=30):
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", puerto)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"Nada escucha en el puerto {puerto}")


def _get(puerto, ruta):
    peticion = urllib.request.Request(
        f"http://127.0.0.1:{puerto}{ruta}", headers={"Host": HOST}
    )
    with urllib.request.urlopen(peticion, timeout=300) as respuesta:  # noqa: S310
        return respuesta.status, respuesta.read().decode(), dict(respuesta.headers)


def _ms(valor):
    coincidencia = re.match(r"([\d.]+)(us|ms|s|m)$", valor)
    if not coincidencia:
        return float("nan")
    numero, unidad = coincidencia.groups()
    return float(numero) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unidad]


def _guion_lua(rutas):
    """A wrk script that asks for a random one of ``rutas`` on each request."""
    lista = ", ".join(f'"{r}"' for r in rutas)
    guion = Path(tempfile.mkstemp(prefix="rutas-", suffix=".lua", dir=VAR)[1])
    guion.write_text(
        f"local rutas = {{{lista}}}\n"
        "math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))\n"
        "request = function()\n"
        "  return wrk.format(nil, rutas[math.random(#rutas)])\n"
        "end\n"
    )
    return guion


def wrk(puerto, ruta, segundos, conexiones):
    """requests/s, p50 and p99 in ms, and the count of non-2xx answers.

    ``ruta`` may be a list: each request then asks for a random one of them, so
    that nothing the application remembers is reused (first visits).
    """
    guion = _guion_lua(ruta) if isinstance(ruta, list) else None
    destino = ruta[0] if guion else ruta
    opciones = ["-s", str(guion)] if guion else []
    salida = subprocess.run(
        [
            "wrk", f"-t{min(conexiones, 2)}", f"-c{conexiones}", f"-d{segundos}s",
            "--latency", "-H", f"Host: {HOST}", *opciones,
            f"http://127.0.0.1:{puerto}{destino}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    if guion:
        guion.unlink()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", salida).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", salida).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", salida).group(1))
    errores = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", salida)
    return rps, p50, p99, int(errores.group(1)) if errores else 0


def consultas_por_peticion(ruta):
    """Queries of one request to ``ruta`` in this process (same settings), after a
    first visit (renditions); a random route list counts its first route."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    ruta = ruta[0] if isinstance(ruta, list) else ruta
    cliente = Client(HTTP_HOST=HOST)
    cliente.get(ruta)
    with CaptureQueriesContext(connection) as capturadas:
        cliente.get(ruta)
    return len(capturadas)


def medir(titulo, puerto, rutas, segundos, conexiones, comparar=None, contar=False):
    """Each route under ``wrk``; returns ``{nombre: req/s}``.

    ``comparar``: the bakerydemo's req/s by row name, printed as a ratio.
    ``contar``: also the queries of one request, measured in this process.
    """
    print(f"\n{titulo} ({conexiones} conexiones, {segundos} s por página)")
    print(
        f"{'página':<34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
        + (f" {'consultas':>9}" if contar else "")
        + (f" {'× bakery':>9}" if comparar else "")
    )
    resultados = {}
    for nombre, ruta in rutas:
        for _ in range(3):  # renditions, caches and the proxy warm up first
            _get(puerto, ruta[0] if isinstance(ruta, list) else ruta)
        rps, p50, p99, errores = wrk(puerto, ruta, segundos, conexiones)
        resultados[nombre] = rps
        aviso = f"  ({errores} respuestas no 2xx)" if errores else ""
        fila = f"{nombre:<34} {rps:>9.1f} {p50:>8.2f} {p99:>8.2f}"
        if contar:
            fila += f" {consultas_por_peticion(ruta):>9}"
        if comparar:
            otra = comparar.get(nombre)
            fila += f" {rps / otra:>8.2f}×" if otra else f" {'—':>9}"
        print(fila + aviso)
    return resultados


def _plan(titulo, consulta):
    from django.db import connection

    sql, parametros = consulta.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, parametros)
        plan = [fila[0] for fila in cursor.fetchall()]
    print(f"\n{titulo}:")
    print("\n".join("  " + linea for linea in plan))


def planes():
    """PostgreSQL's plan and time for the newsroom's page 1 and page 500: with
    the ``OFFSET`` Django's paginator would use, and with the seek it uses."""
    from boletines.models import BoletinIndexPage, BoletinPage
    from boletines.models.paginas import PaginadorPorLlave

    sala = BoletinIndexPage.objects.get()
    por_pagina = sala.por_pagina
    consulta = sala.publicados().defer("cuerpo")
    _plan("Sala de prensa, página 1", consulta[:por_pagina])
    desde = 499 * por_pagina
    _plan(
        f"Página 500 con OFFSET {desde} (lo que haría el paginador de Django)",
        consulta[desde : desde + por_pagina],
    )
    inicio = time.perf_counter()
    limites = PaginadorPorLlave.limites(
        BoletinPage.objects.live().descendant_of(sala), por_pagina
    )
    calculo = (time.perf_counter() - inicio) * 1000
    paginador = PaginadorPorLlave(consulta, por_pagina, lambda: limites)
    _plan("Página 500 buscando por la llave (fecha, id)", paginador._despues_de(500))
    print(
        f"\nLímites de {len(limites)} páginas calculados en {calculo:.0f} ms "
        "(una vez por proceso tras cada publicación en la sala)."
    )


def _bakerydemo(directorio, python, database_url, sin_memoria):
    """Seed and start the bakerydemo under gunicorn; returns (process, port, rows).

    Its own production settings, plus ``DummyCache`` with ``--sin-memoria``,
    through a settings module written in ``var/bench`` (nothing in ``DIR`` changes).
    """
    directorio = Path(directorio).resolve()
    url = database_url.rsplit("/", 1)[0] + "/bench_bakerydemo"
    _crear_base_postgres(url)
    ajustes = VAR / "ajustes_bakerydemo.py"
    ajustes.write_text(
        "from bakerydemo.settings.production import *  # noqa\n"
        "DEBUG = False\n"
        "STORAGES['staticfiles']['BACKEND'] = "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'\n"
        + (
            "CACHES = {'default': {'BACKEND': "
            "'django.core.cache.backends.dummy.DummyCache'}, 'renditions': "
            "{'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}\n"
            if sin_memoria
            else "CACHES = {'default': {'BACKEND': "
            "'django.core.cache.backends.locmem.LocMemCache'}}\n"
        )
    )
    entorno = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO")},
        "PYTHONPATH": f"{VAR}:{directorio}",
        "DJANGO_SETTINGS_MODULE": "ajustes_bakerydemo",
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": "clave-solo-para-mediciones-locales-no-secreta",
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(VAR / "bakerydemo-static"),
        "MEDIA_ROOT": str(VAR / "bakerydemo-media"),
    }
    manage = [python, str(directorio / "manage.py")]

    def correr(*argumentos):
        subprocess.run(
            [*manage, *argumentos], cwd=directorio, env=entorno, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

    correr("migrate", "--noinput")
    consulta = (
        "from wagtail.models import Page;"
        "print(Page.objects.filter(depth__gt=2).count())"
    )
    cuantas = subprocess.run(
        [*manage, "shell", "-c", consulta], cwd=directorio, env=entorno,
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    # Django 6's ``shell`` first says how many objects it imported: the count is
    # the last word.
    if not cuantas or cuantas[-1] == "0":
        correr("load_initial_data")
    correr("collectstatic", "--noinput")
    guion = (
        "from wagtail.models import Page, Site;"
        f"s = Site.objects.get(is_default_site=True); s.hostname = '{HOST}';"
        "s.port = 80; s.save();"
        "from bakerydemo.blog.models import BlogPage;"
        "print('\\n'.join(p.get_url_parts()[2] for p in BlogPage.objects.live()))"
    )
    entradas = subprocess.run(
        [*manage, "shell", "-c", guion], cwd=directorio, env=entorno,
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    # ``shell`` also prints how many objects it imported.
    entradas = [e for e in entradas if e.startswith("/")]
    puerto = _puerto_libre()
    gunicorn = Path(python).parent / "gunicorn"
    proceso = subprocess.Popen(
        [
            str(gunicorn), "bakerydemo.wsgi", "-w", "2",
            "-b", f"127.0.0.1:{puerto}", "--log-level", "warning",
            "--timeout", "300",  # its first visits generate big renditions
        ],
        cwd=directorio, env=entorno,
    )  # fmt: skip
    busquedas = [f"/search/?q={p}" for p in ("bread", "sourdough", "rye", "cake")]
    filas = [
        ("inicio /", "/"),
        ("sala de prensa, página 1", "/blog/"),
        ("sala de prensa, página 200", "/blog/"),
        ("sala de prensa, página 500", "/blog/"),
        ("un boletín", entradas[0]),
        ("búsqueda «vacunacion»", "/search/?q=bread"),
        ("boletines al azar (primera visita)", entradas),
        ("sala de prensa, página al azar", ["/blog/"]),
        ("búsquedas al azar", busquedas),
    ]
    return proceso, puerto, filas


def latencia_de_purga(puerto_varnish, repeticiones=5):
    """Seconds from starting a publication to the proxy serving the new title."""
    from boletines.models import BoletinPage

    boletin = BoletinPage.objects.get(slug="bench-0")
    ruta = boletin.url_path[len(boletin.get_site().root_page.url_path) - 1 :]
    tiempos = []
    for n in range(repeticiones):
        for r in (ruta, "/boletines/", "/"):
            _get(puerto_varnish, r)  # cached before the change
        assert _get(puerto_varnish, ruta)[2].get("X-Cache") == "HIT"
        nuevo = f"Edición {n} {time.time():.0f} del boletín de prueba"
        boletin.title = nuevo
        inicio = time.perf_counter()
        boletin.save_revision().publish()
        while True:
            if (
                nuevo in _get(puerto_varnish, ruta)[1]
                and nuevo in _get(puerto_varnish, "/boletines/")[1]
            ):
                break
            if time.perf_counter() - inicio > 30:
                en_pagina = nuevo in _get(puerto_varnish, ruta)[1]
                raise RuntimeError(
                    "El proxy no sirvió el cambio en 30 s "
                    f"({'sí' if en_pagina else 'no'} en la página, no en el listado)"
                )
            time.sleep(0.005)
        tiempos.append(time.perf_counter() - inicio)
    return tiempos


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--boletines", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/bench_sitio"
    )
    parser.add_argument("--segundos", type=int, default=10)
    parser.add_argument("--conexiones", type=int, default=8)
    parser.add_argument(
        "--sin-memoria",
        action="store_true",
        help="sin la caché compartida (DummyCache): la ruta en frío",
    )
    parser.add_argument("--bakerydemo", metavar="DIR", help="checkout de bakerydemo")
    parser.add_argument("--bakerydemo-python", metavar="PYTHON")
    parser.add_argument("--solo-planes", action="store_true")
    args = parser.parse_args()
    for programa in ("wrk", "varnishd"):
        if not shutil.which(programa):
            sys.exit(f"Falta {programa}: ejecuta scripts/system-deps.sh bench")

    VAR.mkdir(parents=True, exist_ok=True)
    puerto_web, puerto_varnish = _puerto_libre(), _puerto_libre()
    entorno = _entorno(
        args.database_url, f"http://127.0.0.1:{puerto_varnish}", args.sin_memoria
    )
    os.environ.update(entorno)
    sys.path.insert(0, str(RAIZ))
    _crear_base_postgres(args.database_url)

    import django

    django.setup()
    sembrar(args.boletines)

    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh statistics after the bulk load, as autovacuum would leave them:
        # without them the planner scans the search index sequentially.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    if args.solo_planes:
        planes()
        return

    from boletines.models import BoletinPage

    boletin = BoletinPage.objects.filter(slug__startswith="bench-").order_by("pk")[3]
    todos = [
        f"/boletines/{slug}/"
        for slug in BoletinPage.objects.filter(slug__startswith="bench-").values_list(
            "slug", flat=True
        )
    ]
    paginas = [f"/boletines/?pagina={n}" for n in range(1, len(todos) // 20 + 1)]
    busquedas = [
        f"/buscar/?q={urllib.parse.quote(palabra)}"
        for tema, etiqueta in TEMAS
        for palabra in (*tema.split(), etiqueta, *PLANTELES)
        if len(palabra) > 3
    ]
    rutas = [
        ("inicio /", "/"),
        ("sala de prensa, página 1", "/boletines/"),
        ("sala de prensa, página 200", "/boletines/?pagina=200"),
        ("sala de prensa, página 500", "/boletines/?pagina=500"),
        ("un boletín", f"/boletines/{boletin.slug}/"),
        ("búsqueda «vacunacion»", "/buscar/?q=vacunacion"),
        # First visits: a random one of every boletín and every listing page, so
        # that the remembered fragments (``{% memoria %}``) are almost never reused.
        ("boletines al azar (primera visita)", todos),
        ("sala de prensa, página al azar", paginas),
        ("búsquedas al azar", busquedas),
    ]
    connection.close()

    procesos = []
    carpeta_varnish = Path(tempfile.mkdtemp(prefix="varnish-bench-"))
    try:
        procesos.append(
            subprocess.Popen(
                [
                    str(VENV_BIN / "gunicorn"), "cms.wsgi", "-w", "2",
                    "-b", f"127.0.0.1:{puerto_web}", "--log-level", "warning",
                ],
                cwd=RAIZ,
                env={**os.environ, **entorno},
            )
        )  # fmt: skip
        _esperar(puerto_web)
        titulo = "Sin Varnish: gunicorn, 2 workers" + (
            ", sin caché compartida (DummyCache)" if args.sin_memoria else ""
        )
        if args.bakerydemo:
            python = args.bakerydemo_python or str(
                Path(args.bakerydemo) / ".venv" / "bin" / "python"
            )
            panaderia, puerto_bakery, filas = _bakerydemo(
                args.bakerydemo, python, args.database_url, args.sin_memoria
            )
            procesos.append(panaderia)
            _esperar(puerto_bakery)
            # A/B alternated: ours, the bakerydemo's, ours again with the ratio.
            medir(titulo, puerto_web, rutas, args.segundos, args.conexiones)
            suyas = medir(
                "bakerydemo, mismas condiciones", puerto_bakery, filas, args.segundos,
                args.conexiones,
            )  # fmt: skip
            medir(
                titulo + " (segunda vuelta, con la razón)", puerto_web, rutas,
                args.segundos, args.conexiones, comparar=suyas, contar=True,
            )  # fmt: skip
        elif args.segundos > 1:
            medir(
                titulo, puerto_web, rutas, args.segundos, args.conexiones, contar=True
            )

        vcl = carpeta_varnish / "default.vcl"
        vcl.write_text(
            (RAIZ / "deploy" / "varnish" / "default.vcl")
            .read_text()
            .replace('.port = "8000"', f'.port = "{puerto_web}"')
        )
        os.chmod(carpeta_varnish, 0o755)
        procesos.append(
            subprocess.Popen(
                [
                    "varnishd", "-F", "-n", str(carpeta_varnish / "n"),
                    "-a", f"127.0.0.1:{puerto_varnish}", "-f", str(vcl),
                    "-s", "malloc,256m",
                ],
                stdout=subprocess.DEVNULL,
            )
        )  # fmt: skip
        _esperar(puerto_varnish)
        medir(
            "Con Varnish delante", puerto_varnish, rutas, args.segundos,
            args.conexiones,
        )  # fmt: skip
        tiempos = latencia_de_purga(puerto_varnish)
        print(
            "\nDe publicar a servirse por el proxy (página y sala de prensa): "
            + ", ".join(f"{t * 1000:.0f} ms" for t in tiempos)
            + f"; máximo {max(tiempos) * 1000:.0f} ms"
        )
    finally:
        for proceso in reversed(procesos):
            proceso.terminate()
            proceso.wait(timeout=30)
        shutil.rmtree(carpeta_varnish, ignore_errors=True)


if __name__ == "__main__":
    main()
