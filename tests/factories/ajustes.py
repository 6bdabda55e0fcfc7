"""The institution's settings that need a file, such as its logo."""

from home.models import InstitucionSettings

from .media import ImagenFactory


def poner_logo(sitio):
    """Give the institution of ``sitio`` a logo (a file: build it per test)."""
    ajustes = InstitucionSettings.for_site(sitio)
    ajustes.logo = ImagenFactory(
        title="Logotipo CEPRU",
        description="Logotipo del CEPRU",
        credito="",
        file__width=512,
        file__height=512,
        file__color="#6a1b31",
    )
    ajustes.save()
    return ajustes.logo
