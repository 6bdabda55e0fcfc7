"""Folio numbering: "Boletín 123/2026", consecutive per year, no gaps, never reused.

A per-year counter row is locked with ``select_for_update`` inside the publish
transaction, so two boletines approved at the same moment get consecutive numbers.
The folio lives in its own row, not in the page's revisions: publishing a later
revision (made before the first publication) cannot lose or renumber it.
"""

from django.db import transaction
from django.utils import timezone

from cms.historia import ahora

from .models import ContadorFolio, Folio


@transaction.atomic
def asignar_folio(boletin):
    """The boletín's folio, allocated at its first publication: its year and the
    date it counts under are those of the go-live (``cms.historia.ahora``)."""
    existente = Folio.objects.filter(boletin_id=boletin.pk).first()
    if existente:
        return existente
    cuando = ahora()
    anio = timezone.localtime(cuando).year
    ContadorFolio.objects.get_or_create(anio=anio)
    contador = ContadorFolio.objects.select_for_update().get(anio=anio)
    contador.ultimo += 1
    contador.save(update_fields=["ultimo"])
    return Folio.objects.create(
        boletin=boletin,
        anio=anio,
        numero=contador.ultimo,
        titulo=boletin.title,
        asignado=cuando,
    )
