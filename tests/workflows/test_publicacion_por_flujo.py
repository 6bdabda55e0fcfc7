"""Nobody, superusers included, publishes a workflow-governed page by hand."""

from django.urls import reverse

from boletines.models import BoletinPage
from tests.admin import cliente
from tests.factories import BoletinPageFactory


def test_a_superuser_cannot_bulk_publish_a_governed_draft(institucion_compartida):
    borrador = BoletinPageFactory(parent=institucion_compartida.sala, con_fotos=True)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={borrador.pk}"
    )
    admin = cliente("admin")

    confirmacion = admin.get(url)
    assert confirmacion.status_code == 200
    assert confirmacion.context["items"] == []
    assert [i["item"].pk for i in confirmacion.context["items_with_no_access"]] == [
        borrador.pk
    ]

    admin.post(url, {})

    borrador = BoletinPage.objects.get(pk=borrador.pk)
    assert not borrador.live
    assert borrador.live_revision is None


def test_a_superuser_cannot_copy_and_publish_a_governed_page(institucion_compartida):
    sala = institucion_compartida.sala
    original = BoletinPageFactory(parent=sala, con_fotos=True, publicada=True)
    url = reverse("wagtailadmin_pages:copy", args=(original.pk,))

    respuesta = cliente("admin").post(
        url,
        {
            "new_title": "Copia publicada sin flujo",
            "new_slug": "copia-publicada-sin-flujo",
            "new_parent_page": sala.pk,
            "publish_copies": "on",
        },
    )

    assert respuesta.status_code == 200
    # Wagtail's own refusal, on the destination: publishing there is not allowed.
    assert list(respuesta.context["form"].errors) == ["new_parent_page"]
    assert not BoletinPage.objects.filter(slug="copia-publicada-sin-flujo").exists()


def test_copying_a_governed_page_without_publishing_leaves_a_draft(
    institucion_compartida,
):
    sala = institucion_compartida.sala
    original = BoletinPageFactory(parent=sala, con_fotos=True, publicada=True)
    url = reverse("wagtailadmin_pages:copy", args=(original.pk,))

    respuesta = cliente("admin").post(
        url,
        {
            "new_title": "Copia en borrador",
            "new_slug": "copia-en-borrador",
            "new_parent_page": sala.pk,
        },
    )

    assert respuesta.status_code == 302
    assert not BoletinPage.objects.get(slug="copia-en-borrador").live


def test_the_editor_shows_no_publish_button_to_a_superuser_on_a_governed_page(
    institucion_compartida,
):
    borrador = BoletinPageFactory(parent=institucion_compartida.sala, con_fotos=True)
    html = (
        cliente("admin")
        .get(reverse("wagtailadmin_pages:edit", args=(borrador.pk,)))
        .content.decode()
    )
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html
