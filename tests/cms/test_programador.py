"""Scheduled publishing fires from the scheduler process, with no cron job."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from boletines.models import BoletinIndexPage, BoletinPage, Distribucion
from tests.factories import EventoFactory, ListaDistribucionFactory


@pytest.fixture(autouse=True)
def cache_limpia():
    cache.clear()
    yield
    cache.clear()


def _programar(boletin, cuando):
    boletin.go_live_at = cuando
    boletin.save_revision(approved_go_live_at=cuando)


def _boletin_programado(cuando):
    sala = BoletinIndexPage.objects.get()
    boletin = BoletinPage(
        title="Boletín programado para el lunes",
        slug="programado",
        lugar="Saltillo, Coahuila",
        sumario="Se publicará sola a la hora indicada.",
        cuerpo=[],
        live=False,
    )
    sala.add_child(instance=boletin)
    _programar(boletin, cuando)
    return boletin


def test_a_scheduler_pass_publishes_what_is_due(institucion_compartida):
    boletin = _boletin_programado(timezone.now() - timedelta(minutes=1))
    assert not BoletinPage.objects.get(pk=boletin.pk).live

    call_command("scheduler", "--once", stdout=StringIO())

    assert BoletinPage.objects.get(pk=boletin.pk).live


def test_a_scheduler_pass_leaves_future_publications_alone(institucion_compartida):
    boletin = _boletin_programado(timezone.now() + timedelta(hours=2))

    call_command("scheduler", "--once", stdout=StringIO())

    assert not BoletinPage.objects.get(pk=boletin.pk).live


def test_a_second_scheduler_within_the_same_minute_skips_its_turn(
    institucion_compartida,
):
    call_command("scheduler", "--once", stdout=StringIO())
    boletin = _boletin_programado(timezone.now() - timedelta(seconds=1))

    call_command("scheduler", "--once", stdout=StringIO())
    assert not BoletinPage.objects.get(pk=boletin.pk).live

    cache.clear()  # the minute is over
    call_command("scheduler", "--once", stdout=StringIO())
    assert BoletinPage.objects.get(pk=boletin.pk).live


def test_a_scheduler_pass_sends_the_weekly_agenda_once_and_says_so(
    institucion_compartida, settings
):
    settings.AGENDA_HORA_DE_ENVIO = 0  # due at any hour of the week
    ListaDistribucionFactory(predeterminada=True, contactos=1)
    EventoFactory()
    primera, segunda = StringIO(), StringIO()

    call_command("scheduler", "--once", stdout=primera)
    cache.clear()  # the minute is over
    call_command("scheduler", "--once", stdout=segunda)

    assert "Agenda semanal enviada a la lista predeterminada." in primera.getvalue()
    assert "Agenda semanal" not in segunda.getvalue()
    assert Distribucion.objects.filter(tipo=Distribucion.AGENDA).count() == 1
