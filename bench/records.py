"""Benchmark: seed N records and time ``export_records`` and the admin listing.

    .venv/bin/python bench/records.py [--registros 100000] [--bagit]

Runs on its own SQLite file (``--db``, in /tmp by default), never on the
development or test database. Seeding, each export and the listing run as
separate processes of a parent that never loads Django: Linux carries a parent's
peak RSS into a forked child, so a large parent would inflate the figures.
"""

import argparse
import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def preparar(db):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    sys.path.insert(0, str(RAIZ))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sembrar(cantidad):
    """``cantidad`` records spread over the demo series, types, áreas and years."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from archivo.models import Registro
    from demo.archivo import cargar_series

    series = list(cargar_series("CETEC").values())
    Registro.objects.all().delete()
    tipo = ContentType.objects.get_for_model(Registro)
    tipos = ["Boletín", "Campaña", "Fotografía", "Documento", "Video"]
    areas = ["Dirección General", "Plantel Saltillo", "Plantel Torreón", ""]
    azar = random.Random(6)
    ahora = timezone.now()
    lote = []
    for n in range(cantidad):
        abierto = ahora - datetime.timedelta(days=azar.randint(0, 5 * 365))
        registro = Registro(
            serie=azar.choice(series),
            folio=f"Boletín {n + 1}/{abierto.year}",
            titulo=f"Publicación de prueba número {n + 1} sobre vacunación y becas",
            tipo=azar.choice(tipos),
            area=azar.choice(areas),
            responsable="Patricia Valdés Garza",
            content_type=tipo,
            object_id=str(n + 1),
            abierto=abierto,
            ultima_accion="Publicado",
            ultima_accion_en=abierto,
            reserva=n % 500 == 0,
        )
        registro.calcular_plazos()
        lote.append(registro)
        if len(lote) == 5000:
            Registro.objects.bulk_create(lote)
            lote = []
    Registro.objects.bulk_create(lote)
    return Registro.objects.count()


# Run in the child: the export, then the child's own peak RSS (KiB) on stdout.
EXPORTAR = """
import resource, sys
import django
django.setup()
from django.core.management import call_command
call_command("export_records", "--sin-progreso", *sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def medir_exportacion(db, *argumentos):
    """Wall time and peak RSS (MB) of ``export_records`` in its own process."""
    inicio = time.perf_counter()
    salida = _hijo(db, "-c", EXPORTAR, *argumentos)
    segundos = time.perf_counter() - inicio
    return segundos, int(salida.split()[-1]) / 1024


def medir_listado():
    """Time of the admin listing filtered by type and expiry, as the archivist."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    usuario, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    cliente = Client()
    cliente.force_login(usuario)
    # A superuser confirms a second step before the admin (cms/dos_pasos): the
    # bench's session carries a confirmed device, as django-otp's login leaves it.
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    dispositivo, _ = TOTPDevice.objects.get_or_create(
        user=usuario, name="bench", defaults={"confirmed": True}
    )
    sesion = cliente.session
    sesion[DEVICE_ID_SESSION_KEY] = dispositivo.persistent_id
    sesion.save()
    url = reverse("archivo_registros:index")
    filtros = {"tipo": "Boletín", "por_vencer": "90", "q": "vacunación"}
    cliente.get(url, filtros)  # warm up
    inicio = time.perf_counter()
    respuesta = cliente.get(url, filtros)
    assert respuesta.status_code == 200, respuesta.status_code
    return time.perf_counter() - inicio


def _hijo(db, *argumentos):
    """Run this script (or manage.py) in a child with the bench database."""
    entorno = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{db}",
    }
    return subprocess.run(
        [sys.executable, *argumentos],
        cwd=RAIZ,
        env=entorno,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registros", type=int, default=100_000)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "bench.db"))
    parser.add_argument(
        "--bagit", action="store_true", help="Also a metadata-only BagIt."
    )
    parser.add_argument(
        "--paso", choices=["sembrar", "listado"], help=argparse.SUPPRESS
    )
    opciones = parser.parse_args()

    if opciones.paso == "sembrar":
        preparar(opciones.db)
        inicio = time.perf_counter()
        total = sembrar(opciones.registros)
        print(f"sembrados: {total} registros en {time.perf_counter() - inicio:.1f} s")
        return
    if opciones.paso == "listado":
        preparar(opciones.db)
        print(f"listado filtrado en la administración: {medir_listado() * 1000:.0f} ms")
        return

    script = str(Path(__file__).resolve())
    print(
        _hijo(
            opciones.db,
            script,
            "--paso",
            "sembrar",
            "--registros",
            str(opciones.registros),
            "--db",
            opciones.db,
        ),
        end="",
    )
    with tempfile.TemporaryDirectory() as carpeta:
        csv = Path(carpeta) / "registros.csv"
        segundos, pico = medir_exportacion(
            opciones.db, "--format", "csv", "--out", str(csv)
        )
        print(
            f"export_records --format csv: {segundos:.1f} s, pico {pico:.0f} MB, "
            f"{csv.stat().st_size / 1e6:.1f} MB escritos"
        )
        if opciones.bagit:
            bolsa = Path(carpeta) / "bolsa"
            segundos, pico = medir_exportacion(
                opciones.db,
                "--format",
                "bagit",
                "--solo-metadatos",
                "--out",
                str(bolsa),
            )
            print(
                f"export_records --format bagit --solo-metadatos: {segundos:.1f} s, "
                f"pico {pico:.0f} MB"
            )
    print(_hijo(opciones.db, script, "--paso", "listado", "--db", opciones.db), end="")
    # For scale: starting Django and Wagtail alone, without exporting anything.
    inicio = time.perf_counter()
    _hijo(opciones.db, "manage.py", "check")
    print(f"(arranque de manage.py sin exportar: {time.perf_counter() - inicio:.1f} s)")


if __name__ == "__main__":
    main()
