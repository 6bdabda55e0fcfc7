from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampanasConfig(AppConfig):
    name = "campanas"
    verbose_name = _("Campañas")
