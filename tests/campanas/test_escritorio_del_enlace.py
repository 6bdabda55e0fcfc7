"""The enlace's way in: its campus's pending instructions and its reports on the
dashboard, a «Reportar» that opens the form filled in, and its own menu entry."""

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu

from campanas.models import Instruccion, ReporteCumplimiento
from tests.admin import cliente

ALTA = reverse("wagtailsnippets_campanas_reportecumplimiento:add")
LISTA = reverse("wagtailsnippets_campanas_reportecumplimiento:list")


def _instruccion(titulo, *planteles):
    instruccion = Instruccion(titulo=titulo, fecha=timezone.localdate())
    instruccion.planteles.set(planteles)  # a ParentalManyToManyField: saved with it
    instruccion.save()
    return instruccion


def _tablero(usuario):
    return cliente(usuario).get(reverse("wagtailadmin_home")).content.decode()


def test_the_enlace_sees_its_campus_pending_instructions_and_its_reports(
    institucion_compartida,
):
    torreon = institucion_compartida.planteles["torreon"]
    saltillo = institucion_compartida.planteles["saltillo"]
    pendiente = _instruccion("Compartir el cartel de la Semana de la Ciencia", torreon)
    atendida = _instruccion("Publicar la convocatoria de becas", torreon)
    _instruccion("Difundir la feria de Saltillo", saltillo)
    ReporteCumplimiento.objects.create(
        plantel=torreon,
        instruccion=atendida,
        descripcion="Convocatoria en Facebook del plantel",
        enlaces="https://facebook.com/cepru-torreon/posts/9",
    )

    html = _tablero("enlace")

    assert "Instrucciones de tu plantel" in html
    assert pendiente.titulo in html
    assert f'href="{ALTA}?instruccion={pendiente.pk}&amp;plantel={torreon.pk}"' in html
    assert f"?instruccion={atendida.pk}&amp;" not in html  # already reported
    assert "Difundir la feria de Saltillo" not in html  # another campus's
    assert "Convocatoria en Facebook del plantel" in html
    assert f'href="{ALTA}" data-reportar' in html


def test_the_report_form_opens_with_the_instruction_and_campus_it_answers(
    institucion_compartida,
):
    torreon = institucion_compartida.planteles["torreon"]
    instruccion = _instruccion("Compartir el cartel", torreon)

    respuesta = cliente("enlace").get(
        f"{ALTA}?instruccion={instruccion.pk}&plantel={torreon.pk}"
    )

    assert respuesta.status_code == 200
    formulario = respuesta.context["form"]
    assert formulario["instruccion"].value() == instruccion.pk
    assert formulario["plantel"].value() == torreon.pk


def test_the_enlace_reads_the_instructions_sent_to_its_campus_only(
    institucion_compartida,
):
    torreon = institucion_compartida.planteles["torreon"]
    saltillo = institucion_compartida.planteles["saltillo"]
    propia = _instruccion("Compartir el cartel", torreon)
    ajena = _instruccion("Difundir la feria de Saltillo", saltillo)
    lista = reverse("wagtailsnippets_campanas_instruccion:list")

    html = cliente("enlace").get(lista).content.decode()

    assert "Compartir el cartel" in html
    assert "Difundir la feria de Saltillo" not in html
    detalle = reverse("wagtailsnippets_campanas_instruccion:inspect", args=(propia.pk,))
    assert cliente("enlace").get(detalle).status_code == 200
    otro = reverse("wagtailsnippets_campanas_instruccion:inspect", args=(ajena.pk,))
    assert cliente("enlace").get(otro).status_code == 404
    assert cliente("coordinacion").get(otro).status_code == 200
    for vista in ("history", "usage", "edit", "delete"):
        url = reverse(f"wagtailsnippets_campanas_instruccion:{vista}", args=(ajena.pk,))
        assert cliente("enlace").get(url).status_code != 200, vista
    assert "Difundir la feria" in cliente("coordinacion").get(lista).content.decode()


def test_the_reports_have_their_own_menu_entry_not_under_fragmentos(
    institucion_compartida,
):
    request = RequestFactory().get("/admin/")
    request.user = institucion_compartida.usuarios["enlace"]
    menu = {
        str(item.label): item.url for item in admin_menu.menu_items_for_request(request)
    }

    assert menu["Evidencias"] == LISTA
    fragmentos = cliente("enlace").get(reverse("wagtailsnippets:index"))
    modelos = [tipo["model"] for tipo in fragmentos.context["object_list"]]
    assert Instruccion in modelos  # the enlace reads them there
    assert ReporteCumplimiento not in modelos


def test_who_sees_every_campus_gets_no_campus_desk(institucion_compartida):
    assert "Instrucciones de tu plantel" not in _tablero("coordinacion")
    assert "Instrucciones de tu plantel" not in _tablero("editor")
