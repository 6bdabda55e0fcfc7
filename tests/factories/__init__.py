"""Test data built with factory_boy and wagtail-factories, one factory per model.

``construir_institucion()`` lays the smallest institution the admin needs (site,
settings, sections, roles, users, workflows, series); each test then adds only the
content it talks about, with the factories below and their traits.
"""

from .archivo import SerieDocumentalFactory
from .boletines import (
    AgendaPageFactory,
    BoletinFotoFactory,
    BoletinIndexPageFactory,
    BoletinPageFactory,
    ContactoPrensaFactory,
    EventoFactory,
    ListaDistribucionFactory,
)
from .campanas import (
    CampanaIndexPageFactory,
    CampanaPageFactory,
    EvidenciaFactory,
    InstruccionFactory,
    PublicacionProgramadaFactory,
    ReporteCumplimientoFactory,
)
from .home import (
    AreaFactory,
    HomePageFactory,
    PlantelPageFactory,
    PropuestaPageFactory,
    StandardPageFactory,
)
from .institucion import Institucion, construir_institucion
from .media import (
    DocumentoFactory,
    GaleriaPageFactory,
    ImagenFactory,
    MusicaFactory,
    ProgramaVideoFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from .monitoreo import (
    AsignacionFactory,
    MedioFactory,
    MencionFactory,
    PaginaEscaneadaFactory,
    ProgramaFactory,
    RecorteFactory,
    ReglaFactory,
    ReporteMonitoreoFactory,
    ResponsableAreaFactory,
    SintesisFactory,
)
from .usuarios import UsuarioFactory

__all__ = [
    "AgendaPageFactory",
    "AreaFactory",
    "AsignacionFactory",
    "BoletinFotoFactory",
    "BoletinIndexPageFactory",
    "BoletinPageFactory",
    "CampanaIndexPageFactory",
    "CampanaPageFactory",
    "construir_institucion",
    "ContactoPrensaFactory",
    "DocumentoFactory",
    "EventoFactory",
    "EvidenciaFactory",
    "GaleriaPageFactory",
    "HomePageFactory",
    "ImagenFactory",
    "Institucion",
    "InstruccionFactory",
    "ListaDistribucionFactory",
    "MedioFactory",
    "MencionFactory",
    "MusicaFactory",
    "PaginaEscaneadaFactory",
    "PlantelPageFactory",
    "ProgramaFactory",
    "ProgramaVideoFactory",
    "PropuestaPageFactory",
    "PublicacionProgramadaFactory",
    "RecorteFactory",
    "ReglaFactory",
    "ReporteCumplimientoFactory",
    "ReporteMonitoreoFactory",
    "ResponsableAreaFactory",
    "SerieDocumentalFactory",
    "SintesisFactory",
    "StandardPageFactory",
    "UsuarioFactory",
    "VideoIndexPageFactory",
    "VideoPageFactory",
]
