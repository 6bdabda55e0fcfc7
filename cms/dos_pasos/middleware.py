"""Keep whoever must confirm a second step on the two-step screens until they do."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from . import requiere_dos_pasos

PROTEGIDAS = ("/admin/", "/django-admin/")
# The screens themselves, signing in and out, and the admin's own assets that every
# admin page (these included) fetches: the icon sprite and the JavaScript catalogue.
LIBRES = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/dos-pasos/",
    "/admin/sprite/",
    "/admin/jsi18n/",
)


class DosPasosMiddleware:
    """Admin requests of an unverified user who needs it go to verify (or set up).

    After django-otp's ``OTPMiddleware``, which tells whether the session's user
    confirmed a device (``user.is_verified()``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ruta = request.path
        usuario = getattr(request, "user", None)
        if (
            usuario is not None
            and ruta.startswith(PROTEGIDAS)
            and not ruta.startswith(LIBRES)
            and not ruta.startswith(settings.STATIC_URL)
            and requiere_dos_pasos(usuario)
            and not usuario.is_verified()
        ):
            destino = (
                "dos_pasos:verificar"
                if user_has_device(usuario, confirmed=True)
                else "dos_pasos:configurar"
            )
            return redirect(f"{reverse(destino)}?{urlencode({'next': ruta})}")
        return self.get_response(request)
