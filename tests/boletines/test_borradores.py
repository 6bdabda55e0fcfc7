"""A boletín draft saves without its photos; the rules apply when it is submitted,
and the editor's checklist says what is still missing."""

from django.urls import reverse

from boletines.models import BoletinIndexPage, BoletinPage
from tests.admin import cliente, datos_boletin
from tests.factories import ImagenFactory

FALTAN_FOTOS = (
    "Un boletín lleva de 1 a 5 fotografías, contando las del cuerpo y al menos "
    "una en «Fotografías»; este tiene 0."
)


def _sin_fotos(titulo, **extra):
    """The boletín's form as the admin posts it, with no photo at all."""
    datos = datos_boletin(titulo, **extra)
    for clave in [c for c in datos if c.startswith("fotos-0-")]:
        del datos[clave]
    datos.update({"fotos-TOTAL_FORMS": "0", "fotos-INITIAL_FORMS": "0"})
    return datos


def _crear(datos, **cabeceras):
    sala = BoletinIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("boletines", "boletinpage", sala.pk))
    return cliente("editor").post(url, datos, **cabeceras)


def _editar(pagina, datos, **cabeceras):
    url = reverse("wagtailadmin_pages:edit", args=(pagina.pk,))
    return cliente("editor").post(url, datos, **cabeceras)


def test_a_draft_without_photos_saves(institucion_compartida):
    respuesta = _crear(_sin_fotos("Borrador sin fotos"))

    assert respuesta.status_code == 302
    borrador = BoletinPage.objects.get(title="Borrador sin fotos")
    assert not borrador.live
    assert borrador.get_latest_revision() is not None


def test_submitting_without_photos_is_refused_and_nothing_is_created(
    institucion_compartida,
):
    respuesta = _crear(_sin_fotos("Enviado sin fotos", **{"action-submit": "1"}))

    assert respuesta.status_code == 200
    assert FALTAN_FOTOS in respuesta.content.decode()
    assert not BoletinPage.objects.filter(title="Enviado sin fotos").exists()


def test_a_draft_with_a_photo_without_credit_saves_and_its_submission_is_refused(
    institucion_compartida,
):
    sin_credito = ImagenFactory(title="Foto sin crédito", sin_credito=True)
    creado = _crear(datos_boletin("Foto pendiente", imagen=sin_credito))
    assert creado.status_code == 302
    borrador = BoletinPage.objects.get(title="Foto pendiente")

    respuesta = _editar(
        borrador,
        datos_boletin(
            "Foto pendiente",
            imagen=sin_credito,
            slug=borrador.slug,
            **{"action-submit": "1"},
        ),
    )

    assert respuesta.status_code == 200
    assert "A la fotografía «Foto sin crédito» le falta" in respuesta.content.decode()
    assert BoletinPage.objects.get(pk=borrador.pk).current_workflow_state is None


def test_autosave_keeps_saving_a_draft_without_photos(institucion_compartida):
    _crear(_sin_fotos("Borrador con guardado automático"))
    borrador = BoletinPage.objects.get(title="Borrador con guardado automático")
    revisiones = borrador.revisions.count()

    respuesta = _editar(
        borrador,
        _sin_fotos(
            "Borrador con guardado automático",
            slug=borrador.slug,
            sumario="Sumario escrito mientras llegan las fotos.",
        ),
        HTTP_ACCEPT="application/json",
    )

    assert respuesta.status_code == 200
    assert respuesta.json()["success"] is True
    assert borrador.revisions.count() == revisiones + 1


def test_the_editor_shows_a_checklist_of_what_is_missing(institucion_compartida):
    _crear(_sin_fotos("Borrador con lista"))
    borrador = BoletinPage.objects.get(title="Borrador con lista")
    url = reverse("wagtailadmin_pages:edit", args=(borrador.pk,))

    html = cliente("editor").get(url).content.decode()
    lista = html[html.index("data-pendientes") :]
    assert "para enviarlo a revisión falta" in lista
    assert FALTAN_FOTOS in lista[: lista.index("</ul>")]

    datos = datos_boletin("Borrador con lista", slug=borrador.slug)
    completo = _editar(borrador, datos)
    assert completo.status_code == 302
    html = cliente("editor").get(url).content.decode()
    assert "Las fotografías están completas" in html
