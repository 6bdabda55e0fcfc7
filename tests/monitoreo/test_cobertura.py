"""Coverage of every boletín, reception per publication, pick-up rate per outlet."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

from archivo.models import Registro
from boletines.models import Distribucion, Envio
from campanas.models import PublicacionProgramada
from monitoreo.models import Mencion
from tests.admin import cliente
from tests.factories import (
    BoletinPageFactory,
    CampanaPageFactory,
    MedioFactory,
    MencionFactory,
)


def _recogida(boletin, medio, sentimiento="positivo", **campos):
    return MencionFactory(
        nota=True,
        medio=medio,
        sentimiento=sentimiento,
        publicacion=boletin,
        texto=f"{medio.nombre} publicó «{boletin.title}»",
        **campos,
    )


def _panel_de_cobertura(html):
    inicio = html.index("data-cobertura-del-boletin")
    return html[inicio : html.index("</div>", inicio)]


def test_a_draft_boletin_has_no_coverage_panel(institucion_compartida):
    borrador = BoletinPageFactory(parent=institucion_compartida.sala, title="Borrador")
    edicion = cliente("coordinacion").get(
        reverse("wagtailadmin_pages:edit", args=[borrador.pk])
    )
    assert edicion.status_code == 200
    assert "data-cobertura-del-boletin" not in edicion.content.decode()


def test_a_boletins_pickups_show_on_its_admin_page_report_and_record(
    institucion_compartida,
):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, title="Feria de ciencias", publicada=True
    )
    medios = [
        MedioFactory(nombre="Vanguardia"),
        MedioFactory(nombre="Radio Saltillo", tipo="radio"),
        MedioFactory(nombre="Canal 7", tipo="television"),
    ]
    for medio in medios:
        _recogida(boletin, medio)
    _recogida(boletin, medios[0], tipo="queja")  # not coverage: a complaint

    c = cliente("monitoreo")
    edicion = cliente("coordinacion").get(
        reverse("wagtailadmin_pages:edit", args=[boletin.pk])
    )
    assert "Cobertura en medios (3)" in edicion.content.decode()
    # The edit form's own panel: which outlets, when, with what sentiment.
    panel = _panel_de_cobertura(edicion.content.decode())
    assert "Recogido por 3 medios" in panel
    assert all(m.nombre in panel for m in medios) and "Positivo" in panel
    assert "Queja" not in panel and panel.count("<tr>") == 4  # header and 3 rows
    # The editor, who may not read the desk's reports, gets no panel.
    del_editor = cliente("editor").get(
        reverse("wagtailadmin_pages:edit", args=[boletin.pk])
    )
    assert del_editor.status_code == 200
    assert "data-cobertura-del-boletin" not in del_editor.content.decode()

    detalle = c.get(reverse("cobertura_boletines:detalle", args=[boletin.pk]))
    html = detalle.content.decode()
    assert "Recogido por 3 medios" in html
    assert all(m.nombre in html for m in medios) and "Positivo" in html

    informe = c.get(reverse("cobertura_boletines:index")).content.decode()
    assert "Feria de ciencias" in informe

    registro = Registro.objects.de_objeto(boletin).get()
    assert registro.ultima_accion.startswith("Cobertura: Canal 7")


def test_a_boletin_without_coverage_after_3_days_is_on_the_monitors_dashboard(
    institucion_compartida,
):
    viejo = BoletinPageFactory(
        parent=institucion_compartida.sala, title="Boletín sin eco", publicada=True
    )
    reciente = BoletinPageFactory(
        parent=institucion_compartida.sala, title="Boletín de ayer", publicada=True
    )
    type(viejo).objects.filter(pk=viejo.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=4)
    )
    type(reciente).objects.filter(pk=reciente.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=1)
    )
    html = cliente("monitoreo").get(reverse("wagtailadmin_home")).content.decode()
    assert "Boletines sin cobertura registrada (1)" in html
    assert "Boletín sin eco" in html and "Boletín de ayer" not in html
    solo = cliente("monitoreo").get(
        reverse("cobertura_boletines:index") + "?sin_cobertura=on"
    )
    assert "Boletín sin eco" in solo.content.decode()


def test_the_pick_up_rate_per_outlet_compares_deliveries_and_coverage(
    institucion_compartida,
):
    vanguardia = MedioFactory(nombre="Vanguardia")
    boletines = [
        BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
        for _ in range(4)
    ]
    for boletin in boletines:
        ronda, _ = Distribucion.objects.get_or_create(
            tipo=Distribucion.BOLETIN, boletin=boletin, defaults={"asunto": "B"}
        )
        Envio.objects.create(
            distribucion=ronda,
            nombre="Redacción",
            medio="Vanguardia",
            correo="r@vanguardia.example",
            estado=Envio.ENVIADO,
        )
    _recogida(boletines[0], vanguardia)
    html = cliente("coordinacion").get(reverse("cobertura_boletines:tasa"))
    assert (
        "<td>Vanguardia</td><td>4</td><td>1</td><td>25 %</td>" in html.content.decode()
    )


def test_reception_per_publication_counts_sentiment_and_complaint_topics(
    institucion_compartida,
):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala, title="Nuevo horario", publicada=True
    )
    for sentimiento in ("positivo", "negativo", "negativo", "neutro"):
        MencionFactory(publicacion=boletin, sentimiento=sentimiento, tipo="comentario")
    for tema in ("Horario", "Horario", "Transporte"):
        MencionFactory(
            publicacion=boletin, sentimiento="negativo", tipo="queja", tema=tema
        )
    c = cliente("coordinacion")
    respuesta = c.get(reverse("recepcion_publicaciones:index") + "?export=csv")
    filas = list(
        csv.DictReader(io.StringIO(b"".join(respuesta.streaming_content).decode()))
    )
    fila = next(f for f in filas if f["Publicación"] == "Nuevo horario")
    assert (
        fila["Menciones"],
        fila["Positivas"],
        fila["Negativas"],
        fila["Neutras"],
    ) == (
        "7",
        "1",
        "5",
        "1",
    )
    assert fila["Quejas"] == "3" and fila["Tema principal de las quejas"] == "Horario"
    xlsx = c.get(reverse("recepcion_publicaciones:index") + "?export=xlsx")
    assert xlsx.status_code == 200


def test_coverage_reports_refuse_other_roles(institucion_compartida):
    boletin = BoletinPageFactory(parent=institucion_compartida.sala, publicada=True)
    for usuario in ("editor", "enlace"):
        c = cliente(usuario)
        for url in (
            reverse("cobertura_boletines:index"),
            reverse("cobertura_boletines:detalle", args=[boletin.pk]),
            reverse("cobertura_boletines:tasa"),
            reverse("recepcion_publicaciones:index"),
            reverse("recepcion_publicaciones_de_campana:index"),
            reverse("recepcion_publicaciones_de_campana:index") + "?export=csv",
        ):
            assert c.get(url).status_code in (302, 403), (usuario, url)


def _publicacion(campana, dias, red="facebook"):
    return PublicacionProgramada.objects.create(
        page=campana,
        fecha=timezone.now() - datetime.timedelta(days=dias),
        red=red,
        texto=f"Publicación de hace {dias} días",
    )


def test_a_mention_of_a_campaign_post_counts_for_the_post_and_its_campaign(
    institucion_compartida,
):
    campana = CampanaPageFactory(
        parent=institucion_compartida.campanas, title="Noviazgo sin violencia",
        publicada=True,
    )  # fmt: skip
    primera, segunda = _publicacion(campana, 3), _publicacion(campana, 1, "x")
    for sentimiento in ("positivo", "negativo", "negativo"):
        MencionFactory(
            publicacion=campana, publicacion_de_campana=primera,
            sentimiento=sentimiento, tipo="comentario",
        )  # fmt: skip
    MencionFactory(
        publicacion=campana, publicacion_de_campana=segunda, sentimiento="negativo",
        tipo="queja", tema="Acoso",
    )  # fmt: skip

    c = cliente("coordinacion")
    lista = reverse("recepcion_publicaciones_de_campana:index")
    html = c.get(lista).content.decode()
    assert "Noviazgo sin violencia" in html and str(primera) in html
    filas = list(
        csv.DictReader(
            io.StringIO(
                b"".join(c.get(lista + "?export=csv").streaming_content).decode()
            )
        )
    )
    por_publicacion = {
        f["Publicación programada"]: (
            f["Campaña"], f["Menciones"], f["Positivas"], f["Negativas"], f["Quejas"],
            f["Tema principal de las quejas"],
        )
        for f in filas
    }  # fmt: skip
    assert por_publicacion == {
        str(primera): ("Noviazgo sin violencia", "3", "1", "2", "0", ""),
        str(segunda): ("Noviazgo sin violencia", "1", "0", "1", "1", "Acoso"),
    }
    # The campaign itself adds its posts' mentions up.
    campanas = c.get(reverse("recepcion_publicaciones:index") + "?export=csv")
    total = next(
        f
        for f in csv.DictReader(
            io.StringIO(b"".join(campanas.streaming_content).decode())
        )
        if f["Publicación"] == "Noviazgo sin violencia"
    )
    assert (total["Menciones"], total["Negativas"]) == ("4", "3")


def test_the_mention_form_links_a_campaign_post_and_refuses_another_campaigns(
    institucion_compartida,
):
    campana = CampanaPageFactory(
        parent=institucion_compartida.campanas, title="Vacunación", publicada=True
    )
    otra = CampanaPageFactory(
        parent=institucion_compartida.campanas, title="Becas", publicada=True
    )
    publicacion = _publicacion(campana, 2)
    c = cliente("monitoreo")
    alta = reverse("wagtailsnippets_monitoreo_mencion:add")
    formulario = c.get(alta).content.decode()
    assert f"Vacunación — {publicacion}" in formulario
    datos = {
        "publicada_en": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "texto": "¿Dónde me vacuno? Vi su publicación.",
        "tipo": "duda",
        "sentimiento": "neutro",
        "publicacion_de_campana": publicacion.pk,
    }
    ajena = c.post(alta, {**datos, "publicacion": otra.pk})
    assert ajena.status_code == 200
    assert "Esa publicación programada es de otra campaña" in ajena.content.decode()
    assert not Mencion.objects.filter(texto=datos["texto"]).exists()

    assert c.post(alta, datos).status_code == 302
    mencion = Mencion.objects.get(texto=datos["texto"])
    assert mencion.publicacion_de_campana == publicacion
    assert mencion.publicacion_id == campana.pk  # the campaign, filled in
