"""Security headers on the public site and the throttled admin login (issue #8, 6)."""

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from storages.backends.s3 import S3Storage

from cms.seguridad import ip_del_cliente
from cms.settings import environment
from home.models import InstitucionSettings
from tests.admin import entrar
from tests.contenido import publicar_video_con_subtitulos
from tests.factories import (
    AgendaPageFactory,
    BoletinPageFactory,
    CampanaPageFactory,
    EventoFactory,
)

RAIZ = Path(__file__).resolve().parents[2]

# One address per public page type of the institution.
PAGINAS = {
    "inicio": "/",
    "boletín": "/boletines/primer-lugar-robotica-torreon/",
    "sala de prensa": "/boletines/",
    "campaña": "/campanas/vida-libre-de-violencia/",
    "video": "/videos/mensaje-de-bienvenida/",
    "agenda": "/agenda/",
    "búsqueda": "/buscar/?q=robotica",
    "404": "/no-existe/",
}


@pytest.fixture
def sitio(institucion_compartida):
    """A live item of every public page type, the boletín with photos and área."""
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        slug="primer-lugar-robotica-torreon",
        title="Estudiantes del plantel Torreón ganan el primer lugar en el Concurso "
        "Estatal de Robótica",
        area=institucion_compartida.areas["plantel-torreon"],
        fotos=2,
        publicada=True,
    )
    CampanaPageFactory(
        parent=institucion_compartida.campanas,
        slug="vida-libre-de-violencia",
        title="Por una vida libre de violencia",
        publicada=True,
    )
    AgendaPageFactory(parent=institucion_compartida.inicio)
    EventoFactory(area=institucion_compartida.areas["direccion-general"])
    publicar_video_con_subtitulos()


def _politica(respuesta):
    """The Content-Security-Policy header as ``{directive: [sources]}``."""
    politica = {}
    for directiva in respuesta["Content-Security-Policy"].split(";"):
        nombre, *fuentes = directiva.split()
        politica[nombre] = fuentes
    return politica


@pytest.mark.parametrize("url", PAGINAS.values(), ids=PAGINAS.keys())
def test_every_public_page_type_carries_csp_nosniff_and_referrer_policy(
    client, sitio, url
):
    respuesta = client.get(url)
    assert respuesta.status_code == (404 if url == "/no-existe/" else 200)
    politica = _politica(respuesta)
    assert politica["script-src"] == ["'self'"]
    assert politica["style-src"] == ["'self'"]
    assert politica["object-src"] == ["'none'"]
    assert politica["frame-ancestors"] == ["'self'"]
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert respuesta["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("url", PAGINAS.values(), ids=PAGINAS.keys())
def test_public_pages_hold_no_inline_script_or_style_the_policy_would_block(
    client, sitio, url
):
    """JSON-LD is data, never run: the only ``<script>`` without ``src`` allowed."""
    html = client.get(url).content.decode()
    assert "<style" not in html and " style=" not in html
    for trozo in html.split("<script")[1:]:
        etiqueta = trozo.split(">", 1)[0]
        assert " src=" in etiqueta or 'type="application/ld+json"' in etiqueta
    assert not re.search(r"<[^>]*\son[a-z]+=", html)  # no onclick= and the like


def test_the_theme_colours_come_from_a_cacheable_stylesheet(client, sitio):
    institucion = InstitucionSettings.objects.get()
    institucion.color_primario = "#123456"
    institucion.save()

    assert 'href="/tema.css"' in client.get("/").content.decode()
    tema = client.get("/tema.css")
    assert tema["Content-Type"].startswith("text/css")
    assert "--color-primario: #123456;" in tema.content.decode()
    assert "public" in tema["Cache-Control"]


def test_the_admins_are_left_out_of_the_policy(client, db):
    """Wagtail's admin writes inline scripts and styles; only staff reach it."""
    assert "Content-Security-Policy" not in client.get("/admin/login/")
    assert "Content-Security-Policy" not in client.get("/django-admin/login/")


# Media on S3 or a media domain must be allowed where images and video load from.

S3 = {
    "AWS_STORAGE_BUCKET_NAME": "medios-cms",
    "AWS_ACCESS_KEY_ID": "prueba",
    "AWS_SECRET_ACCESS_KEY": "prueba",
}


@pytest.mark.parametrize(
    "variables",
    [
        {"AWS_S3_REGION_NAME": "us-east-1"},
        {"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000", "AWS_S3_REGION_NAME": "x"},
        {"AWS_S3_CUSTOM_DOMAIN": "medios.example.gob.mx"},
    ],
    ids=["aws", "endpoint", "dominio"],
)
def test_the_media_origin_is_where_the_storage_points_its_urls(variables):
    env = {**S3, **variables}
    almacen = S3Storage(**environment.default_storage(env)["OPTIONS"])
    partes = urlsplit(almacen.url("imagenes/foto.jpg"))
    assert f"{partes.scheme}://{partes.netloc}" in environment.media_origins(env)


def test_without_a_bucket_media_comes_from_the_site_itself():
    assert environment.media_origins({}) == []


def _ajustes(modulo, nombres, **variables):
    """Read settings from a fresh process, as the server would load them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(variables)
    codigo = (
        f"import json; from cms.settings import {modulo} as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {nombres!r}}}))"
    )
    resultado = subprocess.run(
        [sys.executable, "-c", codigo],
        cwd=RAIZ,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(resultado.stdout)


def test_with_a_media_domain_images_and_video_may_load_from_it():
    politica = _ajustes(
        "base",
        ["CONTENT_SECURITY_POLICY"],
        AWS_STORAGE_BUCKET_NAME="medios-cms",
        AWS_S3_CUSTOM_DOMAIN="medios.example.gob.mx",
    )["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert "https://medios.example.gob.mx" in politica["img-src"]
    assert "https://medios.example.gob.mx" in politica["media-src"]
    assert "https://medios.example.gob.mx" not in politica["script-src"]


# HSTS: production only, on HTTPS.


def test_production_sends_hsts_on_a_secure_request(client, institucion_compartida):
    produccion = _ajustes(
        "production",
        [
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
        ],
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="comunicacion.example.gob.mx",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
    )
    assert "Strict-Transport-Security" not in client.get("/", secure=True)
    with override_settings(**produccion):
        # A new client: SecurityMiddleware reads its settings when it is built.
        cliente = Client()
        respuesta = cliente.get("/", secure=True)
        assert "Strict-Transport-Security" not in cliente.get("/")
    assert respuesta["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


# The admin login, throttled by django-axes.

CLAVE = "una-clave-de-prueba-larga-17"
LOGINS = ["/admin/login/", "/django-admin/login/"]


@pytest.fixture
def editora(django_user_model):
    return django_user_model.objects.create_superuser(
        "editora", "editora@example.gob.mx", CLAVE
    )


def _entrar(cliente, url, clave, ip="198.51.100.7"):
    return cliente.post(url, {"username": "editora", "password": clave}, REMOTE_ADDR=ip)


def _fallar(cliente, url, veces, ip="198.51.100.7"):
    for _ in range(veces):
        _entrar(cliente, url, "equivocada", ip)


@pytest.mark.parametrize("url", LOGINS)
def test_five_failures_lock_the_login_with_a_spanish_429_page(editora, url):
    cliente = Client()
    _fallar(cliente, url, 4)
    quinta = _entrar(cliente, url, "equivocada")
    assert quinta.status_code == 429

    respuesta = _entrar(cliente, url, CLAVE)
    assert respuesta.status_code == 429
    html = respuesta.content.decode()
    assert "Acceso bloqueado temporalmente" in html
    assert "15 minutos" in html
    assert "quien administra el CMS" in html
    assert "_auth_user_id" not in cliente.session


def test_a_successful_login_resets_the_count(editora):
    cliente = Client()
    _fallar(cliente, "/admin/login/", 4)
    assert _entrar(cliente, "/admin/login/", CLAVE).status_code == 302
    cliente.logout()

    _fallar(cliente, "/admin/login/", 4)
    assert _entrar(cliente, "/admin/login/", CLAVE).status_code == 302


def test_the_lock_is_per_username_and_address(editora):
    _fallar(Client(), "/admin/login/", 5)
    otra_red = _entrar(Client(), "/admin/login/", CLAVE, ip="203.0.113.9")
    assert otra_red.status_code == 302


def test_the_lock_lifts_after_the_cooloff(editora):
    _fallar(Client(), "/admin/login/", 5)
    assert _entrar(Client(), "/admin/login/", CLAVE).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert _entrar(Client(), "/admin/login/", CLAVE).status_code == 302


def test_the_client_address_is_remote_addr_unless_proxies_are_declared(settings):
    peticion = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5"
    )
    settings.PROXIES_DE_CONFIANZA = 0
    assert ip_del_cliente(peticion) == "10.0.0.2"
    # Varnish appends the visitor's address; what is left of it may be forged.
    settings.PROXIES_DE_CONFIANZA = 1
    assert ip_del_cliente(peticion) == "203.0.113.5"
    settings.PROXIES_DE_CONFIANZA = 2
    assert ip_del_cliente(peticion) == "1.1.1.1"


def test_spraying_one_password_over_many_usernames_locks_the_address(editora):
    for numero in range(5):
        Client().post(
            "/admin/login/",
            {"username": f"persona{numero}", "password": "Primavera2026"},
            REMOTE_ADDR="198.51.100.7",
        )
    # Even the right password of a real account is refused from that address.
    assert _entrar(Client(), "/admin/login/", CLAVE).status_code == 429
    assert (
        _entrar(Client(), "/admin/login/", CLAVE, ip="203.0.113.9").status_code == 302
    )


def _alta(cliente, clave):
    return cliente.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "nueva",
            "email": "nueva@example.gob.mx",
            "first_name": "Nueva",
            "last_name": "Persona",
            "password1": clave,
            "password2": clave,
            "is_active": "on",
        },
    )


def test_a_password_needs_at_least_twelve_characters(editora):
    cliente = Client()
    entrar(cliente, editora)
    corta = _alta(cliente, "Rio-Nazas-7")  # 11 characters
    assert corta.status_code == 200
    assert "al menos 12 caracteres" in corta.content.decode()
    assert _alta(cliente, "Rio-Nazas-78").status_code == 302


def test_a_session_ends_after_eight_idle_hours(editora):
    cliente = Client()
    assert _entrar(cliente, "/admin/login/", CLAVE).status_code == 302
    assert cliente.session.get_expiry_age() == 8 * 60 * 60

    # Each request moves the expiry forward: 7 idle hours, then a visit.
    sesion = Session.objects.get(session_key=cliente.session.session_key)
    sesion.expire_date = sesion.expire_date - timedelta(hours=7)
    sesion.save()
    cliente.get("/admin/")
    renovada = Session.objects.get(session_key=cliente.session.session_key)
    assert renovada.expire_date > sesion.expire_date + timedelta(hours=6)

    # Eight idle hours later the session is gone: back to the login page.
    renovada.expire_date = renovada.expire_date - timedelta(hours=8, minutes=1)
    renovada.save()
    respuesta = cliente.get("/admin/")
    assert respuesta.status_code == 302 and "/admin/login/" in respuesta["Location"]
