"""The account page's panel for two-step verification: how many recovery codes
remain, and a button that replaces them (``dos_pasos:codigos``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import BaseSettingsPanel


class _SinCampos(forms.Form):
    """The account view saves every panel's form; this panel has nothing to save."""

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)

    def save(self):
        return None


class DosPasosPanel(BaseSettingsPanel):
    name = "dos_pasos"
    title = _("Verificación en dos pasos")
    order = 700
    form_class = _SinCampos
    template_name = "dos_pasos/panel_de_cuenta.html"

    def is_active(self):
        return TOTPDevice.objects.filter(user=self.user, confirmed=True).exists()

    def get_context_data(self):
        return {
            "restantes": StaticToken.objects.filter(device__user=self.user).count(),
        }
