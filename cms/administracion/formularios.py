"""Forms of Wagtail's admin with the labels its English source leaves out."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class FormularioDeAcceso(LoginForm):
    """Wagtail's login form; its password field has no label, so Django showed the
    field's name, «Password», untranslatable."""

    password = forms.CharField(
        label=_("Contraseña"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Escribe tu contraseña")}),
        strip=False,
    )
