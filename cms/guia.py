"""The «Ayuda» menu's guide: ``docs/guia/*.md``, one page per role, in the admin.

The guide lives beside the code, as Markdown a reviewer reads on GitHub too; the
admin renders it (raw HTML off) and serves its screenshots
(``docs/guia/capturas/``, made by the browser tests) to signed-in users. Wagtail's
own help entries point to its English guide; the ``construct_help_menu`` hook in
``cms.wagtail_hooks`` puts these pages in their place.
"""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

CARPETA = Path(settings.BASE_DIR) / "docs" / "guia"
CAPTURAS = CARPETA / "capturas"

# slug of the page → the group whose members it is for (None: superusers).
ROLES = {
    "editor": ("Editores", _("Editores")),
    "enlace": ("Enlaces de plantel", _("Enlaces de plantel")),
    "coordinacion": ("Coordinación", _("Coordinación")),
    "titular": ("Titular", _("Titular")),
    "archivo": ("Archivo", _("Archivo")),
    "monitoreo": ("Monitoreo", _("Monitoreo")),
    "area": ("Áreas responsables", _("Áreas responsables")),
    "administracion": (None, _("Administración del sistema")),
}


def roles_de(usuario):
    """The guide pages for ``usuario``'s roles, in the guide's order."""
    grupos = set(usuario.groups.values_list("name", flat=True))
    return [
        slug
        for slug, (grupo, _etiqueta) in ROLES.items()
        if (grupo in grupos if grupo else usuario.is_superuser)
    ]


def _enlazar(tokens):
    """Relative links and images of the Markdown, pointed at the admin's URLs."""
    for token in tokens:
        if token.children:
            _enlazar(token.children)
        if token.type == "image":
            src = token.attrGet("src") or ""
            if src.startswith("capturas/"):
                token.attrSet(
                    "src",
                    reverse("guia_captura", args=(src.removeprefix("capturas/"),)),
                )
        elif token.type == "link_open":
            href = token.attrGet("href") or ""
            slug = href.removesuffix(".md")
            if href.endswith(".md") and slug in ROLES:
                token.attrSet("href", reverse("guia_rol", args=(slug,)))
            elif href == "README.md":
                token.attrSet("href", reverse("guia"))


def html_de(nombre):
    """The guide page ``nombre`` (a file of docs/guia/) as HTML."""
    markdown = MarkdownIt("commonmark", {"html": False})
    tokens = markdown.parse((CARPETA / nombre).read_text(encoding="utf-8"))
    _enlazar(tokens)
    return mark_safe(
        markdown.renderer.render(tokens, markdown.options, {})
    )  # raw HTML is off


def guia_view(request, rol=None):
    """The guide's index (every role) or one role's page."""
    if rol is not None and rol not in ROLES:
        raise Http404
    nombre = f"{rol}.md" if rol else "README.md"
    titulo = (
        _("Guía: %(rol)s") % {"rol": ROLES[rol][1]} if rol else _("Guía del sistema")
    )
    return TemplateResponse(
        request,
        "guia/pagina.html",
        {
            "titulo": titulo,
            "contenido": html_de(nombre),
            "roles": [(slug, etiqueta) for slug, (_g, etiqueta) in ROLES.items()],
            "actual": rol,
        },
    )


def captura_view(request, ruta):
    """A screenshot of the guide, only from ``docs/guia/capturas/``."""
    archivo = (CAPTURAS / ruta).resolve()
    if (
        not archivo.is_relative_to(CAPTURAS.resolve())
        or archivo.suffix not in (".png", ".jpg")
        or not archivo.is_file()
    ):
        raise Http404
    return FileResponse(archivo.open("rb"))
