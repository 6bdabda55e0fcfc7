"""Admin views of the campaigns, one module per subject; importable from here."""

from .calendario import (
    EvidenciaForm,
    calendario_view,
    ics_view,
    marcar_publicada_view,
    regenerar_token_view,
)
from .cumplimiento_planteles import CumplimientoView, cumplimiento, trimestre_de
from .programa import ProgramaMensualForm, programa_mensual_view, proponer_programa

__all__ = [
    "CumplimientoView",
    "EvidenciaForm",
    "ProgramaMensualForm",
    "calendario_view",
    "cumplimiento",
    "ics_view",
    "marcar_publicada_view",
    "programa_mensual_view",
    "proponer_programa",
    "regenerar_token_view",
    "trimestre_de",
]
