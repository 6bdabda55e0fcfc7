"""Corrections (fe de erratas): take down for an error, correct, republish.

The chain lives in Wagtail's audit log: ``cms.retirar_por_error`` when the item is
taken down, the workflow entries of its correction, ``cms.republicar_corregido``
when the corrected version goes live; both custom entries carry the takedown's id.
"""

from django.db import transaction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from .models import Retiro

RETIRAR = "cms.retirar_por_error"
REPUBLICAR = "cms.republicar_corregido"


@transaction.atomic
def retirar_por_error(pagina, usuario, motivo):
    """Unpublish ``pagina`` and record why; its address answers 410 meanwhile."""
    retiro = Retiro.objects.create(
        page=pagina, url=pagina.url, motivo=motivo, retirado_por=usuario
    )
    # The right to take down is ``workflows.retirar_por_error``, checked by the
    # view; no role holds Wagtail's publish/unpublish permission.
    UnpublishPageAction(pagina, user=usuario).execute(skip_permission_checks=True)
    log(
        pagina,
        RETIRAR,
        user=usuario,
        data={"retiro": retiro.pk, "motivo": motivo, "url": retiro.url},
    )
    return retiro
