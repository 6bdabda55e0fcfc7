"""The admin speaks Spanish: each role's main screens show no known English UI word.

One walk per role, done once for the module over the factory institution: the
dashboard, the page explorer, an edit form with a validation error, the image
upload form, every entry of the role's menu (reports and workspaces), the account.
The texts a person sees are the page's text nodes and the attributes read aloud
or shown (placeholder, title, aria-label, alt, value of buttons), plus the labels
of the sidebar menu, which Wagtail sends as JSON for its React sidebar.

The word list was built from the msgids of Wagtail's and django-axes' catalogues
that the first walk without the project catalogue showed (``manage.py
traducciones`` lists them), reduced to words no Spanish sentence uses: English
function words and the admin's nouns and verbs. "No", "Error", "Alias", "URL" and
"has" (Spanish *has guardado*) are left out on purpose.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from archivo.models import Registro
from tests.admin import datos_boletin, entrar
from tests.factories import BoletinPageFactory, DocumentoFactory, ImagenFactory

PALABRAS_EN_INGLES = {
    # function words
    "the",
    "and",
    "your",
    "you",
    "with",
    "this",
    "for",
    "been",
    "will",
    "are",
    "not",
    "all",
    "of",
    "to",
    "is",
    "in",
    "on",
    "by",
    "be",
    "that",
    "or",
    "an",
    "at",
    "there",
    "here",
    "yet",
    "why",
    "please",
    "could",
    "should",
    # the admin's nouns and verbs
    "Page",
    "Pages",
    "Image",
    "Images",
    "Document",
    "Documents",
    "Snippets",
    "Save",
    "Saved",
    "Saving",
    "Search",
    "Edit",
    "Delete",
    "Add",
    "Cancel",
    "Choose",
    "Upload",
    "Layout",
    "Password",
    "Username",
    "Sign",
    "Settings",
    "Reports",
    "Report",
    "Help",
    "Shortcuts",
    "Filter",
    "Filters",
    "Sort",
    "Title",
    "Status",
    "Live",
    "Draft",
    "Workflow",
    "Workflows",
    "Collection",
    "Root",
    "Account",
    "Dashboard",
    "Preview",
    "Publish",
    "Unpublish",
    "Submit",
    "Approve",
    "Reject",
    "Comments",
    "Locked",
    "Privacy",
    "Revisions",
    "History",
    "Usage",
    "Export",
    "Download",
    "Yes",
    "True",
    "False",
    "None",
    "Autosave",
    "Options",
    "Actions",
    "Editor",
    "Guide",
    "Tasks",
    "Users",
    "Groups",
    "Sites",
    "Redirects",
    "Unlock",
    "Lock",
    "Move",
    "Copy",
    "Create",
    "Update",
    "View",
    "Show",
    "Hide",
    "Close",
    "Clear",
    "Apply",
    "Select",
    "Selected",
    "Type",
    "Date",
    "Owner",
    "Author",
    "Created",
    "Updated",
    "Last",
    "First",
    "Next",
    "Previous",
    "Back",
    "More",
    "Less",
    "Logout",
    "Log",
    "Profile",
    "Notifications",
    "Language",
    "Time",
    "Zone",
    "Name",
    "Email",
    "Minimap",
    "Metrics",
    "Readability",
    "Words",
    "Checks",
    "Warnings",
    "Attempt",
    "Access",
}
IDENTIFICADOR = re.compile(r"[/_@]|\.\w")
PALABRA = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñü]+")
ATRIBUTOS_VISIBLES = {
    "placeholder",
    "title",
    "aria-label",
    "alt",
    "data-w-tooltip-content-value",
}


class TextoVisible(HTMLParser):
    """The text of an HTML page a person sees or hears, without code, data or
    elements marked ``hidden``."""

    OCULTOS = {"script", "style", "noscript"}
    VACIOS = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.trozos = []
        self.menu = []
        self._pila = []  # (tag, hides its content)
        self._props = False

    def _oculto(self):
        return any(oculta for _, oculta in self._pila)

    def handle_starttag(self, tag, attrs):
        atributos = dict(attrs)
        oculta = tag in self.OCULTOS or "hidden" in atributos
        if tag not in self.VACIOS:
            self._pila.append((tag, oculta))
        self._props = atributos.get("id") == "wagtail-sidebar-props"
        if oculta or self._oculto():
            return
        for nombre in ATRIBUTOS_VISIBLES & atributos.keys():
            self.trozos.append(atributos[nombre] or "")
        if tag == "input" and atributos.get("type") in {"submit", "button"}:
            self.trozos.append(atributos.get("value") or "")

    def handle_endtag(self, tag):
        while self._pila:
            if self._pila.pop()[0] == tag:
                break
        self._props = False

    def handle_data(self, data):
        if self._props:
            self.menu.append(json.loads(data))
        elif not self._oculto():
            self.trozos.append(data)


def _entradas_del_menu(nodo):
    """Every (label, url) of Wagtail's packed sidebar props, submenus included."""
    if isinstance(nodo, dict):
        if "label" in nodo and "url" in nodo:
            yield nodo["label"], nodo["url"]
        elif "label" in nodo:
            yield nodo["label"], None
        for valor in nodo.values():
            yield from _entradas_del_menu(valor)
    elif isinstance(nodo, list):
        for valor in nodo:
            yield from _entradas_del_menu(valor)


def leer(respuesta):
    """(visible text, sidebar menu entries) of an admin page."""
    lector = TextoVisible()
    lector.feed(respuesta.content.decode())
    entradas = [e for props in lector.menu for e in _entradas_del_menu(props)]
    texto = " ".join(lector.trozos + [etiqueta for etiqueta, _ in entradas])
    return texto, entradas


def en_ingles(texto):
    """Each known English word in ``texto`` with the words around it, once each.

    A word counts as written (``Save``) or capitalised at the start of a sentence
    (``The``); upper case (``CC BY``, a licence) does not count.
    """
    # Identifiers are not prose: America/Port_of_Spain, a file name, an address.
    texto = " ".join(t for t in texto.split() if not IDENTIFICADOR.search(t))
    vistas = {}
    for encontrada in PALABRA.finditer(texto):
        palabra = encontrada.group()
        if palabra in vistas:
            continue
        if palabra in PALABRAS_EN_INGLES or (
            palabra == palabra.capitalize() and palabra.lower() in PALABRAS_EN_INGLES
        ):
            inicio, fin = encontrada.span()
            vistas[palabra] = texto[max(0, inicio - 40) : fin + 40]
    return vistas


ROLES = ["editor", "enlace", "coordinacion", "titular", "archivo", "monitoreo", "admin"]


def _pantallas_fijas(inst, boletin, registro):
    return [
        ("registro", reverse("archivo_registros:inspect", args=(registro.pk,))),
        ("tablero", reverse("wagtailadmin_home")),
        ("explorador", reverse("wagtailadmin_explore", args=(inst.inicio.pk,))),
        ("sala de prensa", reverse("wagtailadmin_explore", args=(inst.sala.pk,))),
        ("subir imagen", reverse("wagtailimages:add")),
        ("subir varias imágenes", reverse("wagtailimages:add_multiple")),
        ("cuenta", reverse("wagtailadmin_account")),
        ("editar boletín", reverse("wagtailadmin_pages:edit", args=(boletin.pk,))),
    ]


def _recorrer(usuario, inst, boletin, imagen, registro):
    """{screen: visible text} of one role's walk, less screens it may not open."""
    cliente = entrar(Client(), usuario)
    vistas = {}
    por_visitar = _pantallas_fijas(inst, boletin, registro)
    visitadas = set()
    while por_visitar:
        nombre, url = por_visitar.pop(0)
        if url in visitadas or not url.startswith("/admin/"):
            continue
        visitadas.add(url)
        respuesta = cliente.get(url)
        if respuesta.status_code != 200 or "text/html" not in respuesta["Content-Type"]:
            continue
        texto, entradas = leer(respuesta)
        vistas[f"{nombre} ({url})"] = texto
        por_visitar += [(f"menú «{e}»", u) for e, u in entradas if u]
    # The edit form with a validation error: an empty title.
    url = reverse("wagtailadmin_pages:edit", args=(boletin.pk,))
    respuesta = cliente.post(url, datos_boletin("", imagen=imagen, slug=boletin.slug))
    if respuesta.status_code == 200:
        vistas[f"editar con error ({url})"] = leer(respuesta)[0]
    return vistas


@pytest.fixture(scope="module")
def recorridos(institucion_del_modulo, django_db_blocker):
    """Every role's walk, once for the module."""
    inst = institucion_del_modulo
    with django_db_blocker.unblock():
        imagen = ImagenFactory(title="Entrega de equipo de cómputo")
        DocumentoFactory(title="Programa de trabajo 2026")
        boletin = BoletinPageFactory(parent=inst.sala, title="Entrega de becas")
        publicado = BoletinPageFactory(
            parent=inst.sala, title="Abre el plantel la convocatoria", publicada=True
        )
        registro = Registro.objects.get(object_id=str(publicado.pk))
        return {
            rol: _recorrer(inst.usuarios[rol], inst, boletin, imagen, registro)
            for rol in ROLES
        }


@pytest.mark.parametrize("rol", ROLES)
def test_every_screen_of_the_role_reads_in_spanish(db, recorridos, rol):
    pantallas = recorridos[rol]
    assert any(p.startswith("tablero") for p in pantallas)
    en_ingles_por_pantalla = {
        pantalla: palabras
        for pantalla, texto in pantallas.items()
        if (palabras := en_ingles(texto))
    }
    assert en_ingles_por_pantalla == {}


def test_the_login_screen_reads_in_spanish(client, db):
    texto, _ = leer(client.get(reverse("wagtailadmin_login")))
    assert "Iniciar sesión" in texto
    assert en_ingles(texto) == {}
