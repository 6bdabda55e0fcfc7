"""The mentions inbox: quick entry, rules, suggestion, queues, bulk actions, export."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from openpyxl import load_workbook
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, Table

from monitoreo.models import Mencion
from monitoreo.viewsets import MencionIndexView
from tests.admin import cliente
from tests.consultas import consultas
from tests.factories import (
    AsignacionFactory,
    BoletinPageFactory,
    MedioFactory,
    MencionFactory,
    ProgramaFactory,
    ReglaFactory,
)

LISTA = "wagtailsnippets_monitoreo_mencion:list"
ALTA = "wagtailsnippets_monitoreo_mencion:add"
REGLAS = "wagtailsnippets_monitoreo_mencion:aplicar_reglas"


def captura(**campos):
    """The quick-entry form as the admin posts it."""
    return {
        "medio": "",
        "programa": "",
        "publicada_en": "2026-11-23 09:15",
        "cuenta": "",
        "url": "",
        "autor": "María Gómez (@mgomez)",
        "texto": "Texto de la mención.",
        "tipo": "",
        "sentimiento": "",
        "tema": "",
        "area": "",
        "publicacion": "",
        "asignada_a": "",
        "decision": "",
        "razon_decision": "",
        **campos,
    }


def test_quick_entry_applies_the_rules_to_a_new_mention(institucion_compartida):
    area = institucion_compartida.areas["direccion-general"]
    ReglaFactory(frase="beca", tema="Becas", area=area)
    medio = MedioFactory(nombre="Radio Saltillo", tipo="radio")
    respuesta = cliente("monitoreo").post(
        reverse(ALTA),
        captura(medio=medio.pk, texto="Nadie contesta por la BECA de mi hijo"),
    )
    assert respuesta.status_code == 302, respuesta.content.decode()[:3000]
    mencion = Mencion.objects.get()
    assert (mencion.tipo, mencion.sentimiento, mencion.tema) == (
        "queja",
        "negativo",
        "Becas",
    )
    assert mencion.area == area and mencion.estado == Mencion.CLASIFICADA
    assert not mencion.clasificacion_manual
    assert mencion.creada_por.username == "monitoreo"


def test_quick_entry_with_a_class_keeps_it_against_the_rules(institucion_compartida):
    ReglaFactory(frase="beca")
    cliente("monitoreo").post(
        reverse(ALTA),
        captura(texto="Gracias por la beca", tipo="comentario", sentimiento="positivo"),
    )
    mencion = Mencion.objects.get()
    assert (mencion.tipo, mencion.sentimiento) == ("comentario", "positivo")
    assert mencion.clasificacion_manual


def test_a_bad_quick_entry_says_why_in_spanish_and_saves_nothing(
    institucion_compartida,
):
    respuesta = cliente("monitoreo").post(reverse(ALTA), captura(texto=""))
    assert respuesta.status_code == 200
    assert "Este campo es necesario" in respuesta.content.decode()
    assert not Mencion.objects.exists()


def test_the_related_publication_is_suggested_and_confirmed(institucion_compartida):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala,
        title="Entrega de equipo de cómputo al plantel Ramos Arizpe",
        publicada=True,
    )
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        title="Convocatoria de becas deportivas",
        publicada=True,
    )
    cliente("monitoreo").post(
        reverse(ALTA),
        captura(
            texto="Excelente la entrega de equipo de cómputo en Ramos Arizpe",
            tipo="nota",
            sentimiento="positivo",
        ),
    )
    mencion = Mencion.objects.get()
    assert mencion.publicacion_sugerida_id == boletin.pk
    assert mencion.publicacion_id is None
    url = reverse("wagtailsnippets_monitoreo_mencion:seguimiento", args=[mencion.pk])
    c = cliente("monitoreo")
    assert boletin.title in c.get(url).content.decode()
    c.post(url, {"accion": "confirmar_sugerencia"})
    mencion.refresh_from_db()
    assert mencion.publicacion_id == boletin.pk


def test_the_unassigned_queue_and_mine(institucion_compartida):
    monitoreo = institucion_compartida.usuarios["monitoreo"]
    mia = MencionFactory(texto="La que tomé yo", asignada_a=monitoreo)
    libre = MencionFactory(texto="La que nadie tomó")
    MencionFactory(texto="Cerrada sin dueño", estado=Mencion.CERRADA)
    c = cliente("monitoreo")
    sin_asignar = c.get(reverse(LISTA) + "?bandeja=sin_asignar").content.decode()
    assert libre.texto in sin_asignar
    assert mia.texto not in sin_asignar and "Cerrada sin dueño" not in sin_asignar
    mias = c.get(reverse(LISTA) + "?bandeja=mias").content.decode()
    assert mia.texto in mias and libre.texto not in mias


def test_the_inbox_filters_by_type_sentiment_outlet_area_state_and_date(
    institucion_compartida,
):
    area = institucion_compartida.areas["direccion-general"]
    radio = MedioFactory(nombre="Radio Laguna", tipo="radio")
    buscada = MencionFactory(
        queja=True,
        medio=radio,
        area=area,
        texto="Queja buscada",
        publicada_en=timezone.make_aware(datetime.datetime(2026, 11, 20, 9)),
    )
    MencionFactory(queja=True, medio=radio, area=area, texto="Queja de otro día")
    MencionFactory(nota=True, medio=radio, area=area, texto="Nota del mismo día")
    filtro = (
        f"?tipo=queja&sentimiento=negativo&medio={radio.pk}&area={area.pk}"
        "&estado=clasificada&publicada_en_from=2026-11-20&publicada_en_to=2026-11-20"
    )
    html = cliente("monitoreo").get(reverse(LISTA) + filtro).content.decode()
    assert buscada.texto in html
    assert "Queja de otro día" not in html and "Nota del mismo día" not in html


def test_bulk_classify_sets_a_manual_class(institucion_compartida):
    area = institucion_compartida.areas["direccion-general"]
    menciones = [MencionFactory(), MencionFactory()]
    ids = "&".join(f"id={m.pk}" for m in menciones)
    url = reverse("wagtail_bulk_action", args=("monitoreo", "mencion", "clasificar"))
    respuesta = cliente("monitoreo").post(
        f"{url}?{ids}",
        {"tipo": "sugerencia", "sentimiento": "neutro", "tema": "", "area": area.pk},
    )
    assert respuesta.status_code == 302
    for mencion in menciones:
        mencion.refresh_from_db()
        assert (mencion.tipo, mencion.area, mencion.estado) == (
            "sugerencia",
            area,
            Mencion.CLASIFICADA,
        )
        assert mencion.clasificacion_manual


def test_bulk_close_leaves_pending_complaints_open(institucion_compartida):
    comentario = MencionFactory(tipo="comentario", sentimiento="positivo")
    queja = MencionFactory(queja=True)
    url = reverse("wagtail_bulk_action", args=("monitoreo", "mencion", "cerrar"))
    cliente("monitoreo").post(f"{url}?id={comentario.pk}&id={queja.pk}", {})
    comentario.refresh_from_db()
    queja.refresh_from_db()
    assert comentario.estado == Mencion.CERRADA
    assert queja.estado == Mencion.CLASIFICADA


def test_bulk_actions_refuse_whoever_is_not_the_desk(institucion_compartida):
    mencion = MencionFactory()
    url = reverse("wagtail_bulk_action", args=("monitoreo", "mencion", "cerrar"))
    cliente("editor").post(f"{url}?id={mencion.pk}", {})
    mencion.refresh_from_db()
    assert mencion.estado == Mencion.NUEVA


def test_closing_a_complaint_without_answer_needs_a_reason(institucion_compartida):
    queja = MencionFactory(queja=True)
    url = reverse("wagtailsnippets_monitoreo_mencion:seguimiento", args=[queja.pk])
    c = cliente("monitoreo")
    respuesta = c.post(url, {"accion": "cerrar"}, follow=True)
    assert "se canaliza o se marca «sin respuesta»" in respuesta.content.decode()
    respuesta = c.post(url, {"accion": "sin_respuesta", "motivo": ""})
    assert "Este campo es necesario" in respuesta.content.decode()
    queja.refresh_from_db()
    assert queja.estado == Mencion.CLASIFICADA
    c.post(url, {"accion": "sin_respuesta", "motivo": "Cuenta falsa, sin datos"})
    queja.refresh_from_db()
    assert queja.estado == Mencion.SIN_RESPUESTA
    assert queja.motivo_sin_respuesta == "Cuenta falsa, sin datos"


def test_rules_applied_to_existing_mentions_count_changes_and_spare_manual_classes(
    institucion_compartida,
):
    noviembre = timezone.make_aware(datetime.datetime(2026, 11, 10, 12))
    a_mano = MencionFactory(
        texto="Queja por el transporte escolar",
        tipo="comentario",
        sentimiento="neutro",
        clasificacion_manual=True,
        publicada_en=noviembre,
    )
    nuevas = [
        MencionFactory(texto="El transporte no pasó", publicada_en=noviembre)
        for _ in range(3)
    ]
    fuera = MencionFactory(
        texto="Transporte de octubre",
        publicada_en=timezone.make_aware(datetime.datetime(2026, 10, 1, 12)),
    )
    ReglaFactory(frase="transporte", tema="Transporte")
    respuesta = cliente("monitoreo").post(
        reverse(REGLAS), {"desde": "2026-11-01", "hasta": "2026-11-30"}, follow=True
    )
    assert "3 menciones cambiaron de clasificación" in respuesta.content.decode()
    a_mano.refresh_from_db()
    assert (a_mano.tipo, a_mano.tema) == ("comentario", "")
    for mencion in nuevas:
        mencion.refresh_from_db()
        assert (mencion.tipo, mencion.tema) == ("queja", "Transporte")
    fuera.refresh_from_db()
    assert fuera.tipo == ""


def test_editing_the_class_by_hand_marks_it_manual(institucion_compartida):
    mencion = MencionFactory(texto="Sobre la beca", queja=True)
    url = reverse("wagtailsnippets_monitoreo_mencion:edit", args=[mencion.pk])
    cliente("monitoreo").post(
        url,
        captura(
            texto=mencion.texto,
            medio=mencion.medio_id,
            tipo="duda",
            sentimiento="neutro",
        ),
    )
    mencion.refresh_from_db()
    assert mencion.tipo == "duda" and mencion.clasificacion_manual


def _filas(respuesta):
    return b"".join(respuesta.streaming_content).decode("utf-8")


def test_exports_say_they_contain_personal_data(institucion_compartida):
    MencionFactory(autor="Pedro Ruiz (@pruiz)")
    c = cliente("monitoreo")
    respuesta = c.get(reverse(LISTA) + "?export=csv")
    assert "datos-personales" in respuesta["Content-Disposition"]
    filas = list(csv.reader(io.StringIO(_filas(respuesta))))
    assert filas[0][0].startswith("AVISO: este archivo contiene datos personales")
    assert "Autor público (dato personal)" in filas[1]
    assert any("Pedro Ruiz (@pruiz)" in fila for fila in filas[2:])
    respuesta = c.get(reverse(LISTA) + "?export=xlsx")
    hoja = load_workbook(io.BytesIO(b"".join(respuesta.streaming_content))).active
    assert hoja["A1"].value.startswith("AVISO: este archivo contiene datos personales")


@freeze_time("2026-11-23 08:00")  # a Monday
def test_the_dashboard_shows_what_i_monitor_today(institucion_compartida):
    monitoreo = institucion_compartida.usuarios["monitoreo"]
    programa = ProgramaFactory(nombre="Enfoque Matutino")
    AsignacionFactory(monitorista=monitoreo, medio=programa.medio, programa=programa)
    AsignacionFactory(
        monitorista=monitoreo, medio=MedioFactory(nombre="Vanguardia del martes"), dia=1
    )
    html = cliente("monitoreo").get(reverse("wagtailadmin_home")).content.decode()
    assert "Lo que monitoreo hoy" in html
    assert "Enfoque Matutino" in html
    assert "Vanguardia del martes" not in html


def test_overdue_items_are_shown_in_red_on_the_dashboard(institucion_compartida):
    area = institucion_compartida.areas["direccion-general"]
    MencionFactory(
        queja=True,
        area=area,
        estado=Mencion.CANALIZADA,
        vence=timezone.localdate() - datetime.timedelta(days=1),
        canalizada_en=timezone.now(),
    )
    html = cliente("coordinacion").get(reverse("wagtailadmin_home")).content.decode()
    assert "Asuntos canalizados vencidos (1)" in html
    bandeja = cliente("coordinacion").get(reverse(LISTA) + "?bandeja=vencidas")
    assert "Canalizada · vencida el" in bandeja.content.decode()


@pytest.mark.parametrize("pagina", [1, 2])
def test_the_inbox_costs_the_same_queries_with_10000_mentions(
    institucion_compartida, pagina
):
    medios = [MedioFactory(nombre=f"Medio {n}") for n in range(5)]
    area = institucion_compartida.areas["direccion-general"]
    monitoreo = institucion_compartida.usuarios["monitoreo"]
    ahora = timezone.now()

    def crear(n, desde):
        Mencion.objects.bulk_create(
            Mencion(
                medio=medios[i % 5],
                area=area if i % 2 else None,
                asignada_a=monitoreo if i % 3 else None,
                tipo="queja" if i % 4 else "nota",
                sentimiento="negativo",
                estado=Mencion.CLASIFICADA,
                publicada_en=ahora - datetime.timedelta(minutes=desde + i),
                texto=f"Mención {desde + i} sobre el CEPRU",
                huella=f"{desde + i}",
            )
            for i in range(n)
        )

    c = cliente("monitoreo")
    urls = [
        reverse(LISTA) + f"?p={pagina}",
        reverse(LISTA) + f"?p={pagina}&tipo=queja&medio={medios[1].pk}",
    ]
    crear(120, 0)
    pocas = [consultas(c, url, calentar=True) for url in urls]
    crear(9880, 120)
    assert Mencion.objects.count() == 10000
    muchas = [consultas(c, url) for url in urls]
    assert muchas == pocas
    assert max(muchas) <= 40


def _cuerpo(html):
    """The table's body, without the spaces templates leave around tags."""
    cuerpo = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.sub(r"\s*([<>])\s*", r"\1", " ".join(cuerpo.split())).replace(
        "<td >", "<td>"
    )


def test_the_inbox_rows_written_directly_are_wagtails_rows(
    institucion_compartida, monkeypatch
):
    """The direct rows (cms/administracion/tablas.py) are the markup Wagtail's
    table, cell and checkbox templates give the same columns."""
    area = institucion_compartida.areas["direccion-general"]
    MencionFactory(autor='Ana <b>"Pérez"</b>', texto="Queja & <i>nota</i>", area=area)
    MencionFactory(
        estado=Mencion.CANALIZADA, area=area, vence=datetime.date(2026, 1, 5)
    )
    monitor = cliente("monitoreo")
    directa = monitor.get(reverse(LISTA)).content.decode()

    class ConPlantilla(Column):
        """A direct column's value, rendered through Wagtail's cell.html."""

        def __init__(self, directa):
            super().__init__(
                directa.name, label=directa.label, sort_key=directa.sort_key
            )
            self.directa = directa

        def get_value(self, instance):
            return self.directa.get_value(instance)

    def columnas_con_plantilla(vista):
        # Wagtail's own checkbox, and every direct cell (but the state's red
        # «vencida», which is its own) through cell.html.
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            *(
                ConPlantilla(columna)
                if columna.name != "estado"
                and type(columna).render_cell_html is not Column.render_cell_html
                else columna
                for columna in vista.list_display
            ),
        ]

    monkeypatch.setattr(MencionIndexView, "table_class", Table)
    monkeypatch.setattr(
        MencionIndexView, "columns", property(columnas_con_plantilla), raising=False
    )
    con_plantillas = monitor.get(reverse(LISTA)).content.decode()
    assert "Ana &lt;b&gt;" not in directa  # the author is not a column
    assert "Queja &amp; &lt;i&gt;nota&lt;/i&gt;" in directa
    assert "vencida el 5/01/2026" in directa
    # The second page really went through the templates (their line breaks).
    assert directa.count("\n") + 100 < con_plantillas.count("\n")
    assert _cuerpo(directa) == _cuerpo(con_plantillas)
