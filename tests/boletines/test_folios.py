"""Folio numbering: consecutive per year, kept, never reused (concurrency:
test_folios_concurrentes.py)."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from boletines.models import BoletinIndexPage, BoletinPage, ContadorFolio, Folio
from workflows.correcciones import retirar_por_error

ANIO = timezone.localdate().year


def _nuevo(titulo, publicar=True):
    sala = BoletinIndexPage.objects.get()
    boletin = BoletinPage(
        title=titulo, lugar="Saltillo, Coahuila", sumario="Sumario.", cuerpo=[]
    )
    sala.add_child(instance=boletin)
    revision = boletin.save_revision()
    if publicar:
        revision.publish()
    return BoletinPage.objects.get(pk=boletin.pk)


def test_each_first_publication_takes_the_next_folio_of_the_year(
    client, institucion_compartida
):
    _nuevo("Publicado antes")
    antes = ContadorFolio.objects.get(anio=ANIO).ultimo
    primero = _nuevo("Primero")
    segundo = _nuevo("Segundo")

    assert primero.folio_texto == f"Boletín {antes + 1}/{ANIO}"
    assert segundo.folio_texto == f"Boletín {antes + 2}/{ANIO}"
    assert f"Boletín {antes + 2}/{ANIO}" in client.get(segundo.url).content.decode()


def test_a_draft_has_no_folio_until_it_is_published(institucion_compartida):
    borrador = _nuevo("Borrador", publicar=False)
    assert borrador.folio_texto == ""
    assert not Folio.objects.filter(boletin=borrador).exists()


def test_republishing_an_older_revision_keeps_the_folio(institucion_compartida):
    boletin = _nuevo("Con varias versiones")
    primera = boletin.latest_revision
    folio = boletin.folio_texto
    boletin.sumario = "Otra versión."
    boletin.save_revision().publish()
    primera.publish()  # a revision made before the folio existed

    assert BoletinPage.objects.get(pk=boletin.pk).folio_texto == folio
    assert Folio.objects.filter(boletin=boletin).count() == 1


def test_a_taken_down_folio_is_kept_and_never_reused(institucion_compartida):

    retirado = _nuevo("Con error")
    numero = retirado.folio.numero
    retirar_por_error(retirado, get_user_model().objects.get(username="titular"), "x")
    siguiente = _nuevo("Posterior al retiro")
    BoletinPage.objects.get(pk=retirado.pk).save_revision().publish()

    assert siguiente.folio.numero == numero + 1
    assert BoletinPage.objects.get(pk=retirado.pk).folio.numero == numero
