"""Confirm a code, set up the authenticator app, renew the recovery codes."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

CODIGOS_DE_RECUPERACION = 10
NOMBRE_APP = "Aplicación de autenticación"
NOMBRE_CODIGOS = "Códigos de recuperación"


class CodigoForm(forms.Form):
    """One code: six digits from the app, or one recovery code."""

    codigo = forms.CharField(
        label=_("Código"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text"}
        ),
    )

    def clean_codigo(self):
        return self.cleaned_data["codigo"].strip().replace(" ", "")


def _siguiente(request):
    destino = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(destino, {request.get_host()}):
        return destino
    return "/admin/"


@login_required(login_url="wagtailadmin_login")
def verificar_view(request):
    """The second step: a code from the app or a recovery code."""
    if not user_has_device(request.user, confirmed=True):
        return redirect("dos_pasos:configurar")
    form = CodigoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dispositivo = match_token(request.user, form.cleaned_data["codigo"])
        if dispositivo is not None:
            otp_login(request, dispositivo)
            if isinstance(dispositivo, StaticDevice):
                restantes = dispositivo.token_set.count()
                messages.warning(
                    request,
                    _("Usaste un código de recuperación; te quedan %(n)s.")
                    % {"n": restantes},
                )
            return redirect(_siguiente(request))
        form.add_error("codigo", _("El código no es válido o ya se usó."))
    return TemplateResponse(
        request,
        "dos_pasos/verificar.html",
        {"form": form, "next": _siguiente(request)},
    )


def _codigos_nuevos(usuario):
    """Replace the user's recovery codes with new ones; the codes, to show once."""
    dispositivo, _creado = StaticDevice.objects.get_or_create(
        user=usuario, defaults={"name": NOMBRE_CODIGOS, "confirmed": True}
    )
    dispositivo.token_set.all().delete()
    codigos = [StaticToken.random_token() for _n in range(CODIGOS_DE_RECUPERACION)]
    StaticToken.objects.bulk_create(
        StaticToken(device=dispositivo, token=codigo) for codigo in codigos
    )
    return codigos


@login_required(login_url="wagtailadmin_login")
def configurar_view(request):
    """Set up the authenticator app: scan the QR, confirm one code."""
    if user_has_device(request.user, confirmed=True) and not (
        request.user.is_verified()
    ):
        return redirect("dos_pasos:verificar")
    app, _creado = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": NOMBRE_APP}
    )
    form = CodigoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if app.verify_token(form.cleaned_data["codigo"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
                app.confirmed = True
                app.save()
                codigos = _codigos_nuevos(request.user)
            otp_login(request, app)
            return TemplateResponse(
                request,
                "dos_pasos/codigos.html",
                {"codigos": codigos, "next": _siguiente(request)},
            )
        form.add_error(
            "codigo", _("El código no coincide; revisa la hora del teléfono.")
        )
    return TemplateResponse(
        request,
        "dos_pasos/configurar.html",
        {
            "form": form,
            "qr": segno.make(app.config_url, error="m").svg_inline(scale=4),
            "clave": b32encode(app.bin_key).decode(),
            "next": _siguiente(request),
        },
    )


@require_POST
@login_required(login_url="wagtailadmin_login")
def codigos_view(request):
    """New recovery codes for a verified user; the old ones stop working."""
    if not request.user.is_verified():
        return redirect("dos_pasos:verificar")
    return TemplateResponse(
        request,
        "dos_pasos/codigos.html",
        {"codigos": _codigos_nuevos(request.user), "next": "/admin/"},
    )
