"""Words of the editor and the dashboard that explain themselves."""

from django.urls import reverse
from django.utils import translation

from tests.admin import accion, cliente, crear_y_enviar, editar
from tests.factories import BoletinPageFactory


def _formulario(usuario, pagina):
    url = reverse("wagtailadmin_pages:edit", args=(pagina.pk,))
    return cliente(usuario).get(url).content.decode()


def test_the_submit_button_says_enviar_a_revision_not_the_workflows_name(
    institucion_compartida,
):
    boletin = BoletinPageFactory(parent=institucion_compartida.sala)
    html = _formulario("editor", boletin)
    assert "Enviar a revisión" in html
    assert "Enviar a Boletín" not in html


def test_urgent_submission_comes_after_the_normal_one_with_its_explanation(
    institucion_compartida,
):
    boletin = BoletinPageFactory(parent=institucion_compartida.sala)
    html = _formulario("editor", boletin)
    assert html.index("Enviar a revisión") < html.index("Enviar como urgente")
    assert "Pasa primero en la cola de quien aprueba." in html


def test_the_slug_field_has_a_spanish_label_and_a_real_example(
    institucion_compartida,
):
    boletin = BoletinPageFactory(parent=institucion_compartida.sala)
    html = _formulario("editor", boletin)
    assert "Marquilla" not in html and "my-slug" not in html
    assert "Dirección de la página" in html
    assert "/sala-de-prensa/entrega-de-becas-2026/" in html


def test_the_authors_dashboard_says_cambios_solicitados_en_the_task(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Boletín con cambios")
    accion("coordinacion", boletin, "reject", comentario="Falta la cifra.")
    html = cliente("editor").get(reverse("wagtailadmin_home")).content.decode()
    texto = " ".join(html.split())
    assert "Cambios solicitados en Revisión de Coordinación" in texto
    assert "Cambios solicitados el" not in texto


def test_months_are_written_in_lower_case():
    with translation.override("es-mx"):
        assert translation.gettext("December") == "diciembre"
        assert translation.pgettext("abbrev. month", "Dec.") == "dic."
        assert translation.gettext("Monday") == "lunes"


def test_the_reason_for_changes_is_a_banner_on_top_of_the_form_until_resubmitted(
    institucion_compartida,
):
    boletin = crear_y_enviar("editor", "Boletín por corregir")
    accion("coordinacion", boletin, "reject", comentario="Falta la cifra de becas.")

    html = _formulario("editor", boletin)
    aviso = html[html.index("data-cambios-solicitados") :]
    assert "Cambios solicitados en Revisión de Coordinación" in " ".join(aviso.split())
    assert "Falta la cifra de becas." in aviso
    assert html.index("data-cambios-solicitados") < html.index('name="title"')

    editar("editor", boletin, accion="action-submit")
    assert "data-cambios-solicitados" not in _formulario("editor", boletin)
