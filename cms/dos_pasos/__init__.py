"""Two-step sign-in (TOTP and recovery codes, django-otp) for the roles that need it.

Who needs it is data: ``DOS_PASOS_GRUPOS`` (group names) and every superuser. Until
they confirm a code, the middleware keeps them out of the admin, on the screens of
``views.py``. ``docs/dos_pasos.md`` tells the whole story.
"""

from django.conf import settings


def requiere_dos_pasos(usuario):
    """Whether ``usuario`` must confirm a second step to use the admin."""
    if not (usuario.is_authenticated and usuario.is_active):
        return False
    if usuario.is_superuser:
        return True
    return usuario.groups.filter(name__in=settings.DOS_PASOS_GRUPOS).exists()
