"""Publishing is the workflow's last approval, not a permission anyone holds.

Before that approval the approver reads what it will do (:func:`resumen`): where
it is published, when if embargoed, and what each content app adds (a boletín:
how many recipients of which lists), registered with :func:`registrar_resumen`.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

_RESUMENES = []


def publicar_al_aprobar(workflow_state, user=None):
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish the approved revision.

    The approver of the last task authorises publication by approving, so the
    publish permission, which no role holds on governed sections, is not asked.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


def registrar_resumen(funcion):
    """Add ``funcion(objeto) -> phrase or None`` to the final approval's summary."""
    if funcion not in _RESUMENES:
        _RESUMENES.append(funcion)
    return funcion


def resumen(revision):
    """«Se publicará en … [el …] y se enviará a …»: what the last approval does."""
    objeto = revision.as_object()
    direccion = getattr(objeto, "full_url", None) or str(objeto)
    frase = _("Se publicará en %(direccion)s") % {"direccion": direccion}
    go_live_at = getattr(objeto, "go_live_at", None)
    if go_live_at and go_live_at > timezone.now():
        local = timezone.localtime(go_live_at)
        frase = _("Se publicará el %(fecha)s a las %(hora)s en %(direccion)s") % {
            "fecha": date_format(local, "j \\d\\e F \\d\\e Y"),
            "hora": date_format(local, "H:i"),
            "direccion": direccion,
        }
    extras = [f for f in (funcion(objeto) for funcion in _RESUMENES) if f]
    return " y ".join([frase, *extras]) + "."
