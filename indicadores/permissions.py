"""Codenames of the dashboard's permissions ("app.codename"), for the roles matrix."""

VER_INDICADORES = "indicadores.ver_indicadores"
GENERAR_INFORME = "indicadores.add_informeindicadores"
