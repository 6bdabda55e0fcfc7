"""Benchmark: load N mentions and time the inbox's first page and a filtered page.

    .venv/bin/python bench/monitoreo.py [--menciones 100000]
        [--database postgres://postgres@127.0.0.1:5432/cms_bench_monitoreo]

Runs on a database of its own (created if missing, its mentions replaced), never
on the development or test database. Target: ≤ 150 ms per page on PostgreSQL.
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


def sembrar(cantidad):
    """``cantidad`` mentions over a year, 40 outlets, every type, state and área."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from wagtail.models import Page

    from home.models import Area
    from monitoreo.models import Medio, Mencion
    from monitoreo.models.menciones import SENTIMIENTOS, TIPOS
    from workflows.roles import aplicar_roles

    aplicar_roles(Page.get_first_root_node())
    monitor, _ = get_user_model().objects.get_or_create(username="bench_monitoreo")
    monitor.groups.add(Group.objects.get(name="Monitoreo"))
    medios = [
        Medio.objects.get_or_create(nombre=f"Medio {n}", defaults={"tipo": "prensa"})[0]
        for n in range(40)
    ]
    areas = [
        Area.objects.get_or_create(slug=f"area-{n}", defaults={"nombre": f"Área {n}"})[
            0
        ]
        for n in range(8)
    ]
    Mencion.objects.all().delete()
    azar = random.Random(16)
    ahora = timezone.now()
    estados = [e for e, _ in Mencion.ESTADOS]
    lote = []
    for n in range(cantidad):
        lote.append(
            Mencion(
                medio=azar.choice(medios),
                area=azar.choice(areas) if n % 3 else None,
                asignada_a=monitor if n % 4 == 0 else None,
                tipo=azar.choice(TIPOS)[0],
                sentimiento=azar.choice(SENTIMIENTOS)[0],
                estado=azar.choice(estados),
                publicada_en=ahora
                - datetime.timedelta(minutes=azar.randint(0, 525600)),
                autor=f"Persona {n}",
                texto=f"Mención {n} sobre la institución, becas y transporte escolar",
                huella=f"{n:064d}",
            )
        )
        if len(lote) == 5000:
            Mencion.objects.bulk_create(lote)
            lote = []
    Mencion.objects.bulk_create(lote)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE monitoreo_mencion")
    return monitor, medios


def medir(monitor, medios, repeticiones=7):
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    cliente = Client()
    cliente.force_login(monitor)
    lista = reverse("wagtailsnippets_monitoreo_mencion:list")
    urls = {
        "primera página": lista,
        "filtrada (queja, negativo, un medio, canalizada)": (
            f"{lista}?tipo=queja&sentimiento=negativo&medio={medios[3].pk}"
            "&estado=canalizada"
        ),
        "bandeja sin asignar, página 20": f"{lista}?bandeja=sin_asignar&p=20",
    }
    for nombre, url in urls.items():
        assert cliente.get(url).status_code == 200  # warm-up
        tiempos = []
        for _ in range(repeticiones):
            reset_queries()
            with CaptureQueriesContext(connection) as consultas:
                inicio = time.perf_counter()
                respuesta = cliente.get(url)
                tiempos.append((time.perf_counter() - inicio) * 1000)
            assert respuesta.status_code == 200
        print(
            f"{nombre:<50} mediana {statistics.median(tiempos):7.1f} ms  "
            f"mín {min(tiempos):7.1f} ms  consultas {len(consultas)}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--menciones", type=int, default=100_000)
    parser.add_argument(
        "--database",
        default="postgres://postgres@127.0.0.1:5432/cms_bench_monitoreo",
    )
    parser.add_argument(
        "--solo-medir",
        action="store_true",
        help="Mide sobre las menciones que ya cargó una corrida anterior.",
    )
    argumentos = parser.parse_args()
    crear_base(argumentos.database)
    preparar(argumentos.database)
    if argumentos.solo_medir:
        from django.contrib.auth import get_user_model

        from monitoreo.models import Medio, Mencion

        monitor = get_user_model().objects.get(username="bench_monitoreo")
        medios = list(Medio.objects.filter(nombre__startswith="Medio ").order_by("pk"))
        print(f"{Mencion.objects.count()} menciones ya cargadas")
    else:
        inicio = time.perf_counter()
        monitor, medios = sembrar(argumentos.menciones)
        print(
            f"{argumentos.menciones} menciones cargadas en "
            f"{time.perf_counter() - inicio:.1f} s "
            f"({argumentos.database.split('@')[-1]})"
        )
    medir(monitor, medios)


if __name__ == "__main__":
    main()
