"""Two-step sign-in for the Titular, Coordinación, Archivo and superusers."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

CLAVE = "Prueba-1234"  # tests/factories/usuarios.py


def _codigo(dispositivo):
    """The app's current six digits for ``dispositivo`` (what the phone shows)."""
    valor = totp(
        dispositivo.bin_key, dispositivo.step, dispositivo.t0, dispositivo.digits
    )
    return str(valor).zfill(dispositivo.digits)


def _entrar_con_clave(usuario):
    cliente = Client()
    respuesta = cliente.post(
        reverse("wagtailadmin_login"), {"username": usuario, "password": CLAVE}
    )
    assert respuesta.status_code == 302
    return cliente


@pytest.mark.parametrize("usuario", ["titular", "coordinacion", "archivo", "admin"])
def test_the_roles_that_need_it_set_up_an_app_before_using_the_admin(
    institucion_compartida, usuario
):
    cliente = _entrar_con_clave(usuario)
    respuesta = cliente.get("/admin/pages/")
    assert respuesta.status_code == 302
    assert respuesta["Location"].startswith(reverse("dos_pasos:configurar"))

    pantalla = cliente.get(respuesta["Location"])
    html = pantalla.content.decode()
    assert "Configura la verificación en dos pasos" in html and "<svg" in html
    app = TOTPDevice.objects.get(user__username=usuario, confirmed=False)

    mal = cliente.post(reverse("dos_pasos:configurar"), {"codigo": "000000"})
    assert "El código no coincide" in mal.content.decode()
    TOTPDevice.objects.filter(pk=app.pk).update(throttling_failure_timestamp=None)
    app.refresh_from_db()
    bien = cliente.post(
        reverse("dos_pasos:configurar"), {"codigo": _codigo(app), "next": "/admin/"}
    )
    assert "Códigos de recuperación" in bien.content.decode()
    codigos = re.findall(r"<code>(\w+)</code>", bien.content.decode())
    assert len(codigos) == 10
    assert cliente.get("/admin/").status_code == 200


def test_a_configured_user_confirms_a_code_after_the_password(institucion_compartida):
    titular = institucion_compartida.usuarios["titular"]
    app = TOTPDevice.objects.create(user=titular, name="Teléfono", confirmed=True)
    cliente = _entrar_con_clave("titular")

    respuesta = cliente.get("/admin/pages/")
    assert respuesta["Location"].startswith(reverse("dos_pasos:verificar"))
    verificar = reverse("dos_pasos:verificar")
    assert "Verificación en dos pasos" in cliente.get(verificar).content.decode()
    mal = cliente.post(verificar, {"codigo": "123456"})
    assert "El código no es válido o ya se usó" in mal.content.decode()
    assert cliente.get("/admin/").status_code == 302
    # django-otp throttles the device after a failure (1 s, then 2, 4…): time passes.
    TOTPDevice.objects.filter(pk=app.pk).update(throttling_failure_timestamp=None)

    bien = cliente.post(verificar, {"codigo": _codigo(app), "next": "/admin/pages/"})
    assert bien.status_code == 302 and bien["Location"] == "/admin/pages/"
    assert cliente.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(institucion_compartida):
    archivo = institucion_compartida.usuarios["archivo"]
    TOTPDevice.objects.create(user=archivo, name="Teléfono", confirmed=True)
    dispositivo = archivo.staticdevice_set.create(name="Recuperación", confirmed=True)
    StaticToken.objects.create(device=dispositivo, token="recupera01")
    verificar = reverse("dos_pasos:verificar")

    primera = _entrar_con_clave("archivo")
    assert primera.post(verificar, {"codigo": "recupera01"}).status_code == 302
    assert primera.get("/admin/").status_code == 200

    segunda = _entrar_con_clave("archivo")
    otra_vez = segunda.post(verificar, {"codigo": "recupera01"})
    assert "El código no es válido o ya se usó" in otra_vez.content.decode()


@pytest.mark.parametrize("usuario", ["editor", "enlace", "monitoreo"])
def test_other_roles_enter_with_their_password_alone(institucion_compartida, usuario):
    assert _entrar_con_clave(usuario).get("/admin/").status_code == 200


def test_the_second_step_guards_the_django_admin_too(institucion_compartida):
    cliente = _entrar_con_clave("admin")
    respuesta = cliente.get("/django-admin/")
    assert respuesta.status_code == 302
    assert respuesta["Location"].startswith(reverse("dos_pasos:configurar"))


def test_the_admin_assets_the_screens_fetch_are_not_redirected(institucion_compartida):
    """The icon sprite is fetched and inlined by every admin page, these too."""
    cliente = _entrar_con_clave("titular")
    assert cliente.get("/admin/sprite/").status_code == 200
    assert cliente.get("/admin/jsi18n/").status_code == 200


def test_the_account_page_renews_the_recovery_codes(institucion_compartida):
    coordinacion = institucion_compartida.usuarios["coordinacion"]
    app = TOTPDevice.objects.create(user=coordinacion, name="Teléfono", confirmed=True)
    dispositivo = coordinacion.staticdevice_set.create(name="Rec.", confirmed=True)
    StaticToken.objects.create(device=dispositivo, token="viejo00001")
    cliente = _entrar_con_clave("coordinacion")
    cliente.post(
        reverse("dos_pasos:verificar"), {"codigo": _codigo(app), "next": "/admin/"}
    )

    cuenta = cliente.get(reverse("wagtailadmin_account")).content.decode()
    assert "Tienes 1 código de recuperación sin usar." in cuenta
    boton = re.search(r"<button[^>]*data-dos-pasos-codigos[^>]*>", cuenta).group(0)
    assert f'formaction="{reverse("dos_pasos:codigos")}"' in boton
    # The button submits the account form's fields to the codes view.
    nuevos = cliente.post(reverse("dos_pasos:codigos"), {"name_email-first_name": "X"})
    codigos = re.findall(r"<code>(\w+)</code>", nuevos.content.decode())
    assert len(codigos) == 10
    vigentes = set(
        StaticToken.objects.filter(device__user=coordinacion).values_list(
            "token", flat=True
        )
    )
    assert vigentes == set(codigos)
    cuenta = cliente.get(reverse("wagtailadmin_account")).content.decode()
    assert "Tienes 10 códigos de recuperación sin usar." in cuenta
    # Saving the account settings still works with the panel on the page.
    guardar = cliente.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Coordinación",
            "name_email-last_name": "General",
            "name_email-email": "coordinacion@example.org",
            "locale-preferred_language": "es",
            "locale-current_time_zone": "America/Mexico_City",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert guardar.status_code == 302, guardar.content.decode()[:2000]


def test_an_account_without_an_app_has_no_codes_panel(institucion_compartida):
    cliente = _entrar_con_clave("editor")
    cuenta = cliente.get(reverse("wagtailadmin_account")).content.decode()
    assert "data-dos-pasos-codigos" not in cuenta
