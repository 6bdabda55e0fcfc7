"""An embargoed boletín is invisible everywhere public until its time comes."""

from datetime import UTC, datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from boletines.models import BoletinPage
from tests.admin import accion, cliente, crear_y_enviar

TITULO = "Resultados del examen de admisión bajo embargo"


def _embargado(demo_go_live="2030-01-15 09:30"):
    boletin = crear_y_enviar("editor", TITULO, go_live_at=demo_go_live)
    accion("coordinacion", boletin, "approve", "")
    accion("titular", boletin, "approve", "")
    return BoletinPage.objects.get(pk=boletin.pk)


def _llega_la_hora(boletin, hace):
    """Move the embargo into the past, as if the clock had reached it."""
    revision = Revision.objects.get(pk=boletin.latest_revision_id)
    hora = timezone.now() - hace
    revision.content["go_live_at"] = hora.isoformat()
    revision.approved_go_live_at = hora
    revision.save(update_fields=["content", "approved_go_live_at"])


def _superficies(client, boletin):
    """Where the public could see it: page, listing, home, search, sitemap."""
    return {
        "pagina": client.get(f"/boletines/{boletin.slug}/").status_code == 200,
        "sala": TITULO in client.get("/boletines/").content.decode(),
        "inicio": TITULO in client.get("/").content.decode(),
        "busqueda": TITULO
        in client.get("/buscar/", {"q": "examen admisión"}).content.decode(),
        "sitemap": boletin.slug in client.get("/sitemap.xml").content.decode(),
    }


def test_go_live_is_entered_in_mexico_city_time(institucion_compartida):
    boletin = _embargado("2030-01-15 09:30")
    revision = Revision.objects.get(pk=boletin.latest_revision_id)
    # 09:30 in Mexico City (UTC-6, no daylight saving since 2022) is 15:30 UTC.
    assert revision.approved_go_live_at == datetime(2030, 1, 15, 15, 30, tzinfo=UTC)


def test_an_approved_embargoed_boletin_is_invisible_until_it_goes_live(
    client, institucion_compartida
):
    boletin = _embargado()
    assert not boletin.live
    assert _superficies(client, boletin) == dict.fromkeys(
        ["pagina", "sala", "inicio", "busqueda", "sitemap"], False
    )

    _llega_la_hora(boletin, timedelta(seconds=30))
    call_command("scheduler", "--once", stdout=StringIO())

    assert BoletinPage.objects.get(pk=boletin.pk).live
    assert _superficies(client, boletin) == dict.fromkeys(
        ["pagina", "sala", "inicio", "busqueda", "sitemap"], True
    )


def test_a_publication_overdue_by_more_than_five_minutes_shows_on_the_dashboard(
    institucion_compartida,
):
    boletin = _embargado()
    html = cliente("titular").get("/admin/").content.decode()
    assert "Publicaciones programadas atrasadas" not in html

    _llega_la_hora(boletin, timedelta(minutes=6))

    html = cliente("titular").get("/admin/").content.decode()
    assert "Publicaciones programadas atrasadas" in html
    assert TITULO in html
