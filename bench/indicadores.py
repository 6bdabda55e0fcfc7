"""Benchmark: the indicators dashboard for a year over 10,000 boletines and
100,000 mentions; its render time and its query count.

    .venv/bin/python bench/indicadores.py [--boletines 10000] [--menciones 100000]
        [--database postgres://postgres@127.0.0.1:5432/cms_bench_indicadores]

Runs on a database of its own (created if missing, its rows replaced), never on
the development or test database. Seeding writes rows in bulk: pages straight
into the tree's table (treebeard paths computed), then their boletín rows.
Target: < 500 ms on PostgreSQL, a number of queries that does not grow with rows.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

RAIZ = Path(__file__).resolve().parent.parent


def crear_base(url):
    """Create the PostgreSQL database of ``url`` if it does not exist."""
    partes = urlsplit(url)
    if not partes.scheme.startswith("postgres"):
        return
    import psycopg

    nombre = partes.path.lstrip("/")
    servidor = url.replace(partes.path, "/postgres")
    with psycopg.connect(servidor, autocommit=True) as conexion:
        existe = conexion.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [nombre]
        ).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{nombre}"')


def preparar(url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(RAIZ))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _sala():
    from wagtail.models import Page

    from boletines.models import BoletinIndexPage

    sala = BoletinIndexPage.objects.filter(slug="bench-sala").first()
    if sala is None:
        raiz = Page.get_first_root_node()
        sala = raiz.add_child(
            instance=BoletinIndexPage(title="Sala de prensa (bench)", slug="bench-sala")
        )
    return sala


def sembrar_boletines(cantidad, azar):
    """``cantidad`` live boletines over two years, each with its folio."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from boletines.models import BoletinPage, ContadorFolio, Folio

    sala = _sala()
    BoletinPage.objects.filter(path__startswith=sala.path).delete()
    Folio.objects.all().delete()
    ContadorFolio.objects.all().delete()
    tipo = ContentType.objects.get_for_model(BoletinPage)
    locale = Locale.get_default()
    ahora = timezone.now()
    fechas = sorted(
        ahora - datetime.timedelta(minutes=azar.randint(0, 2 * 525600))
        for _ in range(cantidad)
    )
    paginas = []
    for n, cuando in enumerate(fechas, start=1):
        paginas.append(
            Page(
                path=Page._get_path(sala.path, sala.depth + 1, n),
                depth=sala.depth + 1,
                numchild=0,
                title=f"Boletín de carga {n}",
                slug=f"boletin-carga-{n}",
                content_type=tipo,
                locale=locale,
                live=True,
                first_published_at=cuando,
                last_published_at=cuando,
                go_live_at=cuando if n % 5 == 0 else None,
                url_path=f"{sala.url_path}boletin-carga-{n}/",
            )
        )
    Page.objects.bulk_create(paginas, batch_size=2000)
    Page.objects.filter(pk=sala.pk).update(numchild=cantidad)
    ids = list(
        Page.objects.filter(path__startswith=sala.path, depth=sala.depth + 1)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    # Django cannot bulk-create a multi-table child; its rows go in with one
    # executemany, each field prepared as Django would save it.
    campos = list(BoletinPage._meta.local_concrete_fields)
    columnas = ", ".join(connection.ops.quote_name(f.column) for f in campos)
    marcas = ", ".join(["%s"] * len(campos))
    filas = []
    for pk, cuando in zip(ids, fechas, strict=True):
        boletin = BoletinPage(
            page_ptr_id=pk,
            fecha=timezone.localtime(cuando).date(),
            lugar="Saltillo, Coahuila",
            sumario="Sumario del boletín de carga.",
            # Sent for approval the day before it went out, as the desk works.
            primer_envio=cuando - datetime.timedelta(days=1),
        )
        filas.append(
            [
                f.get_db_prep_save(
                    pk if f.attname == "page_ptr_id" else getattr(boletin, f.attname),
                    connection,
                )
                for f in campos
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {BoletinPage._meta.db_table} ({columnas}) VALUES ({marcas})",
            filas,
        )
    contadores, folios = {}, []
    for pk, cuando in zip(ids, fechas, strict=True):
        anio = timezone.localtime(cuando).year
        contadores[anio] = contadores.get(anio, 0) + 1
        folios.append(
            Folio(
                boletin_id=pk,
                anio=anio,
                numero=contadores[anio],
                titulo="Boletín de carga",
                asignado=cuando,
            )
        )
    Folio.objects.bulk_create(folios, batch_size=5000)
    ContadorFolio.objects.bulk_create(
        [ContadorFolio(anio=a, ultimo=u) for a, u in contadores.items()]
    )
    return ids


def sembrar_menciones(cantidad, boletines, azar):
    """``cantidad`` mentions over a year; a fifth are pick-ups of a boletín."""
    from django.utils import timezone

    from monitoreo.models import Medio, Mencion
    from monitoreo.models.menciones import NOTA, SENTIMIENTOS, TIPOS

    medios = [
        Medio.objects.get_or_create(nombre=f"Medio {n}", defaults={"tipo": "prensa"})[0]
        for n in range(40)
    ]
    Mencion.objects.all().delete()
    ahora = timezone.now()
    estados = [e for e, _ in Mencion.ESTADOS]
    lote = []
    for n in range(cantidad):
        publicada = ahora - datetime.timedelta(minutes=azar.randint(0, 525600))
        nota = n % 5 == 0
        canalizada = publicada + datetime.timedelta(hours=2) if n % 7 == 0 else None
        lote.append(
            Mencion(
                medio=azar.choice(medios),
                tipo=NOTA if nota else azar.choice(TIPOS)[0],
                sentimiento=azar.choice(SENTIMIENTOS)[0],
                estado=azar.choice(estados),
                publicada_en=publicada,
                publicacion_id=azar.choice(boletines) if nota else None,
                canalizada_en=canalizada,
                vence=(canalizada + datetime.timedelta(days=7)).date()
                if canalizada
                else None,
                respondida_en=canalizada + datetime.timedelta(days=azar.randint(1, 12))
                if canalizada and n % 2
                else None,
                autor=f"Persona {n}",
                texto=f"Mención {n} sobre la institución y sus boletines",
                huella=f"{n:064d}",
            )
        )
        if len(lote) == 10000:
            Mencion.objects.bulk_create(lote)
            lote = []
    Mencion.objects.bulk_create(lote)


def medir(repeticiones=7):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.admin import entrar

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    titular, _ = get_user_model().objects.get_or_create(
        username="bench_indicadores", defaults={"is_superuser": True, "is_staff": True}
    )
    cliente = Client()
    entrar(cliente, titular)  # with its second step, as the admin asks a superuser
    url = reverse("indicadores:tablero")
    for tipo in ("anio", "mes"):
        parametros = {"tipo": tipo}
        assert cliente.get(url, parametros).status_code == 200  # warm-up
        tiempos = []
        for _ in range(repeticiones):
            with CaptureQueriesContext(connection) as consultas:
                inicio = time.perf_counter()
                respuesta = cliente.get(url, parametros)
                tiempos.append((time.perf_counter() - inicio) * 1000)
            assert respuesta.status_code == 200
        print(
            f"tablero ({tipo:<4})  mediana {statistics.median(tiempos):7.1f} ms  "
            f"mín {min(tiempos):7.1f} ms  consultas {len(consultas)}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boletines", type=int, default=10_000)
    parser.add_argument("--menciones", type=int, default=100_000)
    parser.add_argument(
        "--database",
        default="postgres://postgres@127.0.0.1:5432/cms_bench_indicadores",
    )
    parser.add_argument("--solo-medir", action="store_true")
    argumentos = parser.parse_args()
    crear_base(argumentos.database)
    preparar(argumentos.database)
    if not argumentos.solo_medir:
        from django.db import transaction

        azar = random.Random(18)
        inicio = time.perf_counter()
        with transaction.atomic():
            ids = sembrar_boletines(argumentos.boletines, azar)
            sembrar_menciones(argumentos.menciones, ids, azar)
        print(
            f"{argumentos.boletines} boletines y {argumentos.menciones} menciones "
            f"cargados en {time.perf_counter() - inicio:.1f} s "
            f"({argumentos.database.split('@')[-1]})"
        )
    medir()


if __name__ == "__main__":
    main()
