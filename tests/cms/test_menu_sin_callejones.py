"""Every role's menu holds only what it can open: no dead ends.

For each demo role the admin menu is taken as Wagtail builds it for that person
(``admin_menu``, with the submenus and the ``construct_*_menu`` hooks), and every
entry is opened with the person's session: each one answers 200, inside the admin,
with no «no tienes permisos» on the way.
"""

import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from tests.admin import cliente, usuario_extra

# The demo's people with a role (the superuser has none: every door opens to it).
ROLES = [
    "editor",
    "enlace",
    "coordinacion",
    "titular",
    "archivo",
    "monitoreo",
    "area",
]


def _entradas(menu, request, ruta=()):
    """(label path, URL) of every link in ``menu`` for ``request``'s user."""
    for item in sorted(menu.menu_items_for_request(request), key=lambda i: i.order):
        camino = (*ruta, str(item.label))
        if isinstance(item, SubmenuMenuItem):
            yield from _entradas(item.menu, request, camino)
        elif item.url != "#":  # «Atajos» opens a dialog in place
            yield " › ".join(camino), item.url


@pytest.fixture
def area(institucion_compartida):
    """The demo's «Áreas responsables» person (not in the smallest institution)."""
    return usuario_extra("area", "Áreas responsables")


@pytest.mark.parametrize("rol", ROLES)
def test_every_menu_entry_of_every_role_opens(institucion_compartida, area, rol):
    navegador = cliente(rol)
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = navegador.get(reverse("wagtailadmin_home")).wsgi_request.user
    entradas = list(_entradas(admin_menu, request))
    assert entradas, f"{rol} no tiene menú"

    callejones = {}
    for nombre, url in entradas:
        if not url.startswith("/"):
            callejones[nombre] = f"sale de la administración: {url}"
            continue
        respuesta = navegador.get(url, follow=True)
        mensajes = [str(m) for m in get_messages(respuesta.wsgi_request)]
        final = respuesta.wsgi_request.path
        if respuesta.status_code != 200:
            callejones[nombre] = f"{url} responde {respuesta.status_code}"
        elif final.startswith(reverse("wagtailadmin_login")):
            callejones[nombre] = f"{url} pide iniciar sesión"
        elif any("no tienes permisos" in m for m in mensajes):
            callejones[nombre] = f"{url} termina en «no tienes permisos»"
    assert callejones == {}
