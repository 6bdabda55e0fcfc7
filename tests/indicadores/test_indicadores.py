"""Each registered indicator: rows built with factories, its figures, the rows
behind them (click-through) and its CSV, through the real admin views."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.indicadores import MES, TRIMESTRE, Periodo, indicador, registrados
from media_library.models import ProgramaVideo
from monitoreo.indicadores import dias_habiles_de
from monitoreo.models import ControlSintesis
from tests.admin import cliente
from tests.factories import (
    BoletinPageFactory,
    CampanaPageFactory,
    EvidenciaFactory,
    InstruccionFactory,
    MencionFactory,
    ProgramaVideoFactory,
    PublicacionProgramadaFactory,
    ReporteCumplimientoFactory,
    ReporteMonitoreoFactory,
    SintesisFactory,
)

HOY = timezone.localdate()
ESTE_MES = Periodo.que_contiene(HOY)
MARZO_2025 = Periodo(datetime.date(2025, 3, 1))


def _en(fecha, hora=12):
    return timezone.make_aware(datetime.datetime.combine(fecha, datetime.time(hora)))


def _csv(respuesta):
    contenido = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(contenido)))


def _filas(slug, periodo, usuario="titular"):
    """The click-through's CSV, through the real view."""
    respuesta = cliente(usuario).get(
        reverse("indicadores:filas", args=(slug,)),
        {"tipo": periodo.tipo, "periodo": periodo.valor, "export": "csv"},
    )
    assert respuesta.status_code == 200
    return _csv(respuesta)


def _tabla(slug, periodo, usuario="titular"):
    respuesta = cliente(usuario).get(
        reverse("indicadores:tabla", args=(slug,)),
        {"tipo": periodo.tipo, "periodo": periodo.valor, "export": "csv"},
    )
    assert respuesta.status_code == 200
    return _csv(respuesta)


def _cifra(slug, periodo):
    return indicador(slug).cifras([periodo])[0]


def test_every_manual_indicator_is_registered_by_its_own_app():
    slugs = {i.slug for i in registrados()}
    assert {
        "videos",
        "boletines",
        "monitoreo",
        "sintesis",
        "quejas",
        "recepcion",
        "cobertura",
        "medios",
        "campanas",
        "dias",
        "planteles",
    } <= slugs
    for ind in registrados():
        assert ind.nombre and ind.manual and ind.definicion and ind.columnas


def test_boletines_programmed_and_published_with_their_rows_and_csv(
    institucion_compartida,
):
    sala = institucion_compartida.sala
    publicados = BoletinPageFactory.create_batch(2, parent=sala, publicada=True)
    # Approved for tomorrow: programmed, not yet published.
    programado = BoletinPageFactory(
        parent=sala,
        publicada=True,
        go_live_at=timezone.now() + datetime.timedelta(minutes=5),
    )

    cifra = _cifra("boletines", ESTE_MES)
    assert (cifra.programados, cifra.realizados) == (3, 2)
    filas = _filas("boletines", ESTE_MES)
    assert filas[0] == [
        "Boletín",
        "Programado para",
        "Folio",
        "Publicado (folio asignado)",
    ]
    assert sorted(f[0] for f in filas[1:]) == sorted(
        b.title for b in [*publicados, programado]
    )
    # The two published carry their folio; the programmed one has none yet.
    assert {f[2] for f in filas[1:]} == {
        str(b.folio)
        for b in type(publicados[0]).objects.filter(pk__in=[p.pk for p in publicados])
    } | {"—"}
    tabla = _tabla("boletines", ESTE_MES)
    assert tabla[0] == [
        "Periodo",
        "Programados",
        "Publicados",
        "Realizados / programados",
    ]
    assert tabla[1] == [str(ESTE_MES), "3", "2", "67 %"]
    assert len(tabla) == 13  # the 12 periods of the trend


def test_videos_programmed_against_produced(institucion_compartida):
    editor = institucion_compartida.usuarios["editor"]
    videos = ProgramaVideoFactory.create_batch(
        3, fecha_compromiso=ESTE_MES.inicio, productor=editor
    )
    hecho = videos[0]
    for estado in (
        ProgramaVideo.EN_PRODUCCION,
        ProgramaVideo.EN_REVISION,
        ProgramaVideo.PRODUCIDO,
    ):
        hecho.estado = estado
        hecho.full_clean()
        hecho.save()
    anterior = ProgramaVideoFactory(
        fecha_compromiso=ESTE_MES.desplazado(-1).inicio, estado=ProgramaVideo.PRODUCIDO
    )

    cifra = _cifra("videos", ESTE_MES)
    # The one programmed last month and produced now counts as produced now.
    assert (cifra.programados, cifra.realizados, cifra.porcentaje) == (3, 2, "67 %")
    filas = _filas("videos", ESTE_MES)
    assert {f[0] for f in filas[1:]} == {v.tema for v in videos} | {anterior.tema}
    assert _tabla("videos", ESTE_MES)[1][1:] == ["3", "2", "67 %"]


def test_monitoring_reports_made_against_sent(institucion_compartida):
    dias = [MARZO_2025.inicio + datetime.timedelta(days=n) for n in range(3)]
    enviado = ReporteMonitoreoFactory(fecha=dias[0], enviado_en=_en(dias[0], 9))
    ReporteMonitoreoFactory(fecha=dias[1])
    ReporteMonitoreoFactory(fecha=dias[2])

    cifra = _cifra("monitoreo", MARZO_2025)
    assert (cifra.programados, cifra.realizados) == (3, 1)
    filas = _filas("monitoreo", MARZO_2025)
    assert [f[0] for f in filas[1:]] == [d.strftime("%d/%m/%Y") for d in dias]
    assert filas[1][2] == timezone.localtime(enviado.enviado_en).strftime(
        "%d/%m/%Y %H:%M"
    )
    assert _tabla("monitoreo", MARZO_2025)[1][1:] == ["3", "1", "33 %"]


def _queja(canalizada, respondida, vence, **campos):
    return MencionFactory(
        queja=True,
        publicada_en=_en(canalizada, 8),
        canalizada_en=_en(canalizada, 10),
        respondida_en=_en(respondida, 10) if respondida else None,
        vence=vence,
        **campos,
    )


def test_complaints_received_channelled_answered_in_time_and_median_days(
    institucion_compartida,
):
    lunes = datetime.date(2025, 3, 3)
    vence = datetime.date(2025, 3, 10)
    a_tiempo = _queja(lunes, datetime.date(2025, 3, 5), vence)  # 2 business days
    _queja(lunes, datetime.date(2025, 3, 14), vence)  # 9 business days, late
    _queja(lunes, None, vence)  # channelled, not answered
    MencionFactory(queja=True, publicada_en=_en(lunes))  # received only
    MencionFactory(publicada_en=_en(lunes))  # a comment: not a complaint

    ind = indicador("quejas")
    cifra = _cifra("quejas", MARZO_2025)
    assert (cifra.programados, cifra.realizados) == (4, 1)
    assert {str(e): v for e, v in ind.extras(MARZO_2025)} == {
        "Canalizadas": 3,
        "Mediana de días hábiles para responder": "5.5",
    }
    filas = _filas("quejas", MARZO_2025)
    assert len(filas) == 5
    assert a_tiempo.publicada_en.strftime("%d/%m/%Y") in filas[1][0]


def test_positive_against_negative_reception(institucion_compartida):
    dia = _en(datetime.date(2025, 3, 12))
    MencionFactory.create_batch(3, sentimiento="positivo", publicada_en=dia)
    MencionFactory(sentimiento="negativo", publicada_en=dia)
    MencionFactory(sentimiento="neutro", publicada_en=dia)

    cifra = _cifra("recepcion", MARZO_2025)
    assert (cifra.programados, cifra.realizados, cifra.porcentaje) == (1, 3, "300 %")
    filas = _filas("recepcion", MARZO_2025)
    assert sorted(f[3] for f in filas[1:]) == [
        "Negativo",
        "Positivo",
        "Positivo",
        "Positivo",
    ]


def test_coverage_boletines_with_a_pickup_and_pickups_per_boletin(
    institucion_compartida,
):
    sala = institucion_compartida.sala
    cubierto, sin_notas = BoletinPageFactory.create_batch(
        2, parent=sala, publicada=True
    )
    MencionFactory.create_batch(3, nota=True, publicacion=cubierto)
    MencionFactory(publicacion=sin_notas, sentimiento="positivo")  # a comment

    cifra = _cifra("cobertura", ESTE_MES)
    assert (cifra.programados, cifra.realizados) == (2, 1)
    assert {str(e): v for e, v in indicador("cobertura").extras(ESTE_MES)} == {
        "Notas por boletín": "1.5"
    }
    filas = {f[0]: f[2] for f in _filas("cobertura", ESTE_MES)[1:]}
    assert filas == {cubierto.title: "3", sin_notas.title: "0"}


def test_media_publications_count_news_and_columns(institucion_compartida):
    dia = _en(datetime.date(2025, 3, 20))
    MencionFactory.create_batch(2, nota=True, publicada_en=dia)
    MencionFactory(tipo="columna", publicada_en=dia)
    MencionFactory(tipo="comentario", publicada_en=dia)

    cifra = _cifra("medios", MARZO_2025)
    assert (cifra.programados, cifra.realizados) == (None, 3)
    assert len(_filas("medios", MARZO_2025)) == 4
    assert _tabla("medios", MARZO_2025)[1][1:] == ["—", "3", "—"]


def test_campaign_posts_programmed_against_posts_with_evidence(
    institucion_compartida,
):
    campana = CampanaPageFactory(parent=institucion_compartida.campanas)
    publicaciones = [
        PublicacionProgramadaFactory(page=campana, fecha=_en(MARZO_2025.inicio, h))
        for h in (9, 12, 18)
    ]
    evidencia = EvidenciaFactory(publicacion=publicaciones[0])

    cifra = _cifra("campanas", MARZO_2025)
    assert (cifra.programados, cifra.realizados) == (3, 1)
    filas = _filas("campanas", MARZO_2025)
    assert [f[3] for f in filas[1:]] == [evidencia.url, "—", "—"]


def test_days_with_a_post_and_days_without(institucion_compartida):
    campana = CampanaPageFactory(parent=institucion_compartida.campanas)
    for dia, hora in ((3, 9), (3, 17), (10, 9)):
        publicacion = PublicacionProgramadaFactory(
            page=campana, fecha=_en(datetime.date(2025, 3, dia), hora)
        )
        EvidenciaFactory(publicacion=publicacion)

    cifra = _cifra("dias", MARZO_2025)
    assert (cifra.programados, cifra.realizados) == (31, 2)
    assert {str(e): v for e, v in indicador("dias").extras(MARZO_2025)} == {
        "Días sin publicación": 29
    }
    filas = _filas("dias", MARZO_2025)
    assert len(filas) == 32
    assert filas[3] == ["03/03/2025", "2"] and filas[10] == ["10/03/2025", "1"]


def test_quarterly_campus_compliance(institucion_compartida):
    planteles = institucion_compartida.planteles
    trimestre = Periodo.que_contiene(datetime.date(2025, 2, 1), TRIMESTRE)
    instruccion = InstruccionFactory(
        fecha=datetime.date(2025, 2, 3), planteles=list(planteles.values())
    )
    ReporteCumplimientoFactory(
        plantel=planteles["saltillo"],
        instruccion=instruccion,
        fecha=datetime.date(2025, 2, 5),
    )
    # A report in the next quarter does not attend an instruction of this one.
    ReporteCumplimientoFactory(
        plantel=planteles["torreon"],
        instruccion=instruccion,
        fecha=datetime.date(2025, 4, 2),
    )

    cifra = _cifra("planteles", trimestre)
    assert (cifra.programados, cifra.realizados, cifra.porcentaje) == (2, 1, "50 %")
    filas = _filas("planteles", trimestre)
    assert [f[1] for f in filas[1:]] == ["Plantel Saltillo"]
    assert _tabla("planteles", trimestre)[1][0] == "1.º trimestre de 2025"


@pytest.mark.parametrize("tipo", [MES, TRIMESTRE])
def test_the_trend_reads_twelve_periods_ending_with_the_chosen_one(tipo):
    periodo = Periodo.que_contiene(datetime.date(2025, 3, 15), tipo)
    ultimos = periodo.ultimos(12)
    assert len(ultimos) == 12 and ultimos[-1] == periodo
    assert ultimos[0] == periodo.desplazado(-11)
    assert all(a.fin == b.inicio for a, b in zip(ultimos, ultimos[1:], strict=False))


def test_business_days_to_answer_skip_weekends_and_16_september(db):
    martes, jueves = datetime.date(2026, 9, 15), datetime.date(2026, 9, 17)
    viernes, lunes = datetime.date(2026, 9, 11), datetime.date(2026, 9, 14)
    # Wednesday the 16th is a rest day (LFT art. 74); Saturday and Sunday too.
    assert dias_habiles_de([(martes, jueves), (viernes, lunes), (lunes, lunes)]) == [
        1,
        1,
        0,
    ]
    assert dias_habiles_de([]) == []


def test_sintesis_made_against_registered_in_the_control(institucion_compartida):
    dias = [datetime.date(2025, 3, d) for d in (3, 4, 5)]
    a_tiempo, tarde, _sin_enviar = (SintesisFactory(fecha=d) for d in dias)
    ControlSintesis.objects.create(sintesis=a_tiempo, enviada_en=_en(dias[0], 8))
    ControlSintesis.objects.create(
        sintesis=tarde, enviada_en=_en(dias[1], 11), tardia=True
    )
    # The last day of February, sent on the first of March: made in February,
    # registered in March.
    febrero = SintesisFactory(fecha=datetime.date(2025, 2, 28))
    ControlSintesis.objects.create(
        sintesis=febrero, enviada_en=_en(datetime.date(2025, 3, 1), 8)
    )

    cifra = _cifra("sintesis", MARZO_2025)
    assert (cifra.programados, cifra.realizados, cifra.porcentaje) == (3, 3, "100 %")
    assert {str(e): v for e, v in indicador("sintesis").extras(MARZO_2025)} == {
        "Enviadas fuera de hora": 1
    }
    filas = _filas("sintesis", MARZO_2025)
    assert [f[0] for f in filas[1:]] == [
        "28/02/2025",
        *(d.strftime("%d/%m/%Y") for d in dias),
    ]
    assert [f[2] for f in filas[1:]] == ["—", "—", "Sí", "—"]
    assert _tabla("sintesis", MARZO_2025)[1][1:] == ["3", "3", "100 %"]
    # The rows name citizens in the clippings' context: not for the editor.
    respuesta = cliente("editor").get(
        reverse("indicadores:filas", args=("sintesis",)),
        {"tipo": MES, "periodo": MARZO_2025.valor},
    )
    assert respuesta.status_code in (302, 403, 404)
