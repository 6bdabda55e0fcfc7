"""Driving Wagtail's real admin views the way an editor's browser does."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from boletines.models import BoletinIndexPage, BoletinPage
from cms.dos_pasos import requiere_dos_pasos
from demo.management.commands.setup_demo import contrasena_demo
from media_library.models import Imagen
from tests.factories import ImagenFactory


def cliente(usuario):
    """A logged-in admin client for a demo user.

    ``force_login``: ``Client.login`` authenticates without a request, which
    django-axes refuses (it counts failures per address).
    """
    client = Client()
    entrar(client, get_user_model().objects.get(username=usuario))
    return client


def entrar(client, usuario):
    """Log ``client`` in as ``usuario``, with the second step where the role needs it.

    django-otp's own API: a confirmed TOTP device, and the session marked as
    verified with it, as ``django_otp.login`` does after a right code.
    """
    client.force_login(usuario)
    if requiere_dos_pasos(usuario):
        dispositivo, _ = TOTPDevice.objects.get_or_create(
            user=usuario, confirmed=True, defaults={"name": "Pruebas"}
        )
        sesion = client.session
        sesion[DEVICE_ID_SESSION_KEY] = dispositivo.persistent_id
        sesion.save()
    return client


def datos_boletin(
    titulo, sumario="Sumario del boletín de prueba.", imagen=None, **extra
):
    """The form of a boletín with one photo, as the admin posts it.

    Without ``imagen``, the demo's «Equipo…» photo; where there is none (a
    factory-built institution), one such photo is created.
    """
    if imagen is None:
        imagen = Imagen.objects.filter(title__startswith="Equipo").first()
    if imagen is None:
        imagen = ImagenFactory(title="Equipo de cómputo entregado al plantel")
    listas = extra.pop("listas", [])  # checkboxes: one key, several values
    datos = nested_form_data(
        {
            "title": titulo,
            "slug": slugify(titulo),
            "lugar": "Saltillo, Coahuila",
            "fecha": "2026-11-23",
            "sumario": sumario,
            "cuerpo": streamfield([("parrafo", rich_text("<p>Cuerpo.</p>"))]),
            "fotos": inline_formset([{"imagen": imagen.pk, "pie": "Pie de foto"}]),
            "relacionados": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )
    if listas:
        datos["listas"] = listas
    return datos


def crear_y_enviar(usuario, titulo, **campos):
    """``usuario`` creates a boletín in the admin and submits it for approval."""
    sala = BoletinIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    respuesta = cliente(usuario).post(
        url, datos_boletin(titulo, **campos, **{"action-submit": "Enviar"})
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:2000]
    return BoletinPage.objects.get(title=titulo)


def editar(usuario, pagina, accion=None, **campos):
    """``usuario`` saves the boletín's edit form, optionally with an action button."""
    campos.setdefault("slug", pagina.slug)
    datos = datos_boletin(pagina.title, **campos)
    if accion:
        datos[accion] = "1"
    url = reverse("wagtailadmin_pages:edit", args=(pagina.pk,))
    return cliente(usuario).post(url, datos)


def denegada(respuesta):
    """Wagtail answers a refused admin action with a redirect and a message."""
    mensajes = [str(m) for m in get_messages(respuesta.wsgi_request)]
    return respuesta.status_code == 302 and any(
        "no tienes permisos" in m for m in mensajes
    )


def tarea_actual(pagina):
    return type(pagina).objects.get(pk=pagina.pk).current_workflow_task_state


def accion(usuario, pagina, nombre, comentario=None, ajax=False, confirmar=True):
    """``usuario`` takes the workflow action ``nombre`` on the current task.

    An approval confirms what it does (the last one publishes) unless
    ``confirmar=False``.
    """
    estado = tarea_actual(pagina)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(pagina.pk, nombre, estado.pk)
    )
    datos = {} if comentario is None else {"comment": comentario}
    if nombre == "approve" and confirmar:
        datos["confirmar"] = "on"
    cabeceras = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    return cliente(usuario).post(url, datos, **cabeceras)


def usuario_extra(username, grupo, superusuario=False):
    """A second person in a role, with the demo's password scheme."""

    usuario = get_user_model().objects.create_user(
        username=username,
        password=contrasena_demo(username),
        is_superuser=superusuario,
    )
    if grupo:
        usuario.groups.add(Group.objects.get(name=grupo))
    return usuario
