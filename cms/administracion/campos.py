"""How the admin's detail (inspect) views show a field's value, in Spanish.

Also the sites listing's column labels, which Wagtail leaves in English.

Wagtail prints the Python value: «True», «False», «None». Registered for every
model field in ``CmsConfig.ready()``; Wagtail's own classes for images and
documents stay, being more specific.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.sites.views import IndexView as SitiosIndexView

# Wagtail's sites listing labels three columns with the field's English name,
# outside any catalogue.
COLUMNAS_DE_SITIOS = {
    "port": _("Puerto"),
    "site_name": _("Nombre del sitio"),
    "root_page": _("Página de inicio"),
}


class ValorEnEspanol(BaseFieldDisplay):
    """«Sí», «No» or «—» where Wagtail would print True, False or None."""

    template_name = "administracion/valor.html"


def registrar():
    for columna in SitiosIndexView.columns:
        columna.label = COLUMNAS_DE_SITIOS.get(columna.name, columna.label)
    register_display_class(models.Field, display_class=ValorEnEspanol)
    # Foreign keys are looked up by the related model: any model, below
    # Wagtail's own image and document displays.
    register_display_class(
        models.ForeignKey, to=models.Model, display_class=ValorEnEspanol
    )
