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
from .campanas import CampanaIndexPageFactory, CampanaPageFactory
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
    ResponsableAreaFactory,
    SintesisFactory,
)
from .usuarios import UsuarioFactory

__all__ = [
    "AgendaPageFactory",
    "AsignacionFactory",
    "AreaFactory",
    "BoletinFotoFactory",
    "BoletinIndexPageFactory",
    "BoletinPageFactory",
    "CampanaIndexPageFactory",
    "CampanaPageFactory",
    "ContactoPrensaFactory",
    "DocumentoFactory",
    "EventoFactory",
    "GaleriaPageFactory",
    "HomePageFactory",
    "ImagenFactory",
    "Institucion",
    "ListaDistribucionFactory",
    "MedioFactory",
    "MencionFactory",
    "MusicaFactory",
    "PaginaEscaneadaFactory",
    "PlantelPageFactory",
    "ProgramaFactory",
    "PropuestaPageFactory",
    "RecorteFactory",
    "ReglaFactory",
    "ResponsableAreaFactory",
    "SerieDocumentalFactory",
    "SintesisFactory",
    "StandardPageFactory",
    "UsuarioFactory",
    "VideoIndexPageFactory",
    "VideoPageFactory",
    "construir_institucion",
]
