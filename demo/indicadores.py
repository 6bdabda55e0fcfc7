"""Demo: last month's «Informe mensual de indicadores», generated and archived."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from cms.indicadores import Periodo
from home.models import InstitucionSettings
from indicadores.informe import generar_informe_mensual
from indicadores.models import InformeIndicadores


def cargar():
    """The report of the month before this one, as the Titular signs it."""
    primero = timezone.localdate().replace(day=1)
    periodo = Periodo.que_contiene(primero - datetime.timedelta(days=1))
    if InformeIndicadores.objects.filter(periodo_inicio=periodo.inicio).exists():
        return
    titular = get_user_model().objects.get(username="titular")
    institucion = InstitucionSettings.for_site(Site.objects.get(is_default_site=True))
    generar_informe_mensual(periodo, titular, institucion)
