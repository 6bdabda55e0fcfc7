"""Campaigns: programmed posts and their rules, the monthly generator, calendar and
ICS feed, evidence and overdue posts, campus compliance and the public pages."""

import datetime
import hashlib
import re

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from archivo.models import Registro
from campanas import calendario
from campanas.conectores import RegistroManual
from campanas.models import (
    CampanaIndexPage,
    CampanaPage,
    Evidencia,
    Instruccion,
    ReporteCumplimiento,
    TokenCalendario,
)
from campanas.models.paginas import largo_en_x
from campanas.models.programacion import hora_local
from campanas.views import cumplimiento, proponer_programa
from home.models import PlantelPage
from tests.admin import accion, cliente, denegada
from tests.factories import ImagenFactory, PlantelPageFactory

HOY = timezone.localdate()
INICIO, FIN = HOY - datetime.timedelta(days=10), HOY + datetime.timedelta(days=40)


def _post(dias, red="facebook", texto="Publicación de prueba", **extra):
    fecha = timezone.localtime(
        hora_local(HOY + datetime.timedelta(days=dias), datetime.time(10))
    )
    return {
        "fecha": fecha.strftime("%Y-%m-%d %H:%M"),
        "red": red,
        "texto": texto,
        **extra,
    }


def datos_campana(titulo, publicaciones=(), redes=("facebook", "x", "sitio"), **extra):
    return nested_form_data(
        {
            "title": titulo,
            "slug": titulo.lower().replace(" ", "-"),
            "tema": "Prevención de la violencia en el noviazgo",
            "fundamento": "Ley de Acceso de las Mujeres a una Vida Libre de Violencia",
            "objetivo": "Que el alumnado identifique las señales de alerta.",
            "publico_meta": "Estudiantes de 15 a 18 años",
            "inicio": INICIO.isoformat(),
            "fin": FIN.isoformat(),
            **{f"en_{red}": "on" for red in redes},
            "descripcion": rich_text("<p>Publicaciones diarias.</p>"),
            "materiales": inline_formset([]),
            "publicaciones": inline_formset(list(publicaciones)),
            "comments": inline_formset([]),
            **extra,
        }
    )


def _crear(titulo, publicaciones=(), enviar=True, **extra):
    seccion = CampanaIndexPage.objects.get()
    datos = datos_campana(titulo, publicaciones, **extra)
    if enviar:
        datos["action-submit"] = "Enviar"
    url = reverse(
        "wagtailadmin_pages:add", args=("campanas", "campanapage", seccion.pk)
    )
    return cliente("editor").post(url, datos)


def _autorizada(titulo, publicaciones):
    respuesta = _crear(titulo, publicaciones)
    assert respuesta.status_code == 302, respuesta.content.decode()[-3000:]
    campana = CampanaPage.objects.get(title=titulo)
    accion("titular", campana, "approve", "")
    return CampanaPage.objects.get(pk=campana.pk)


def test_x_counts_every_link_as_23_characters():
    assert largo_en_x("Hola https://ejemplo.gob.mx/una/direccion/muy/larga") == 28
    assert largo_en_x("Hola", "https://ejemplo.gob.mx/" + "x" * 100) == 28


def test_posts_are_validated_per_network_and_period_in_spanish(institucion_compartida):
    imagen = ImagenFactory()
    largo = "a" * 250 + " https://cetec.example.gob.mx/campanas/vida-libre/"
    respuesta = _crear(
        "Campaña con errores",
        [
            _post(1, "x", largo),  # 250 + 1 + 23 = 274: fits
            _post(2, "x", "b" * 258, enlace="https://cetec.example.gob.mx/x"),  # 282
            _post(3, "instagram", "Sin imagen"),
            _post(60, "facebook", "Fuera del periodo"),
        ],
        redes=("facebook", "x", "instagram"),
    )
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "esta publicación tiene 282" in html
    assert "tiene 274" not in html
    assert "Instagram necesita una imagen o un video." in html
    assert "La fecha está fuera del periodo de la campaña" in html
    assert not CampanaPage.objects.filter(title="Campaña con errores").exists()

    con_imagen = _crear(
        "Campaña corregida",
        [_post(3, "instagram", "Con imagen", imagen=imagen.pk)],
        redes=("instagram",),
    )
    assert con_imagen.status_code == 302


def test_a_post_on_a_network_the_campaign_does_not_use_is_refused(
    institucion_compartida,
):
    respuesta = _crear("Campaña sin Instagram", [_post(1, "instagram", "Hola")])
    assert "La campaña no incluye esta red" in respuesta.content.decode()


def test_the_monthly_generator_proposes_one_post_per_weekday_per_network(
    institucion_compartida,
):
    campana = CampanaPage(
        inicio=datetime.date(2026, 12, 3), fin=datetime.date(2026, 12, 31)
    )
    temas = ["Tema uno", "Tema dos", "Tema tres"]
    posts = proponer_programa(
        campana, "2026-12", temas, ["facebook", "x"], datetime.time(9), False
    )
    dias = sorted({timezone.localtime(p.fecha).date() for p in posts})
    assert dias[0] == datetime.date(2026, 12, 3)  # the period starts on the 3rd
    assert all(d.weekday() < 5 for d in dias)
    assert len(dias) == 21 and len(posts) == 42
    assert [p.texto for p in posts if p.red == "x"][:4] == [*temas, "Tema uno"]
    assert timezone.localtime(posts[0].fecha).time() == datetime.time(9)
    con_fines = proponer_programa(
        campana, "2026-12", temas, ["x"], datetime.time(9), True
    )
    assert len(con_fines) == 29


def test_the_generator_saves_a_draft_the_editor_then_edits(institucion_compartida):
    campana = _autorizada("Campaña con programa", [_post(1)])
    url = reverse("calendario_campanas:programa_mensual", args=(campana.pk,))
    mes = HOY.strftime("%Y-%m")
    respuesta = cliente("editor").post(
        url,
        {"mes": mes, "temas": "Uno\nDos", "redes": ["facebook"], "hora": "11:00"},
    )
    assert respuesta.status_code == 302
    campana = CampanaPage.objects.get(pk=campana.pk)
    borrador = campana.get_latest_revision_as_object()
    assert campana.has_unpublished_changes
    assert borrador.publicaciones.count() > campana.publicaciones.count() == 1
    assert denegada(cliente("monitoreo").get(url))


def test_the_calendar_shows_posts_by_network_with_overdue_in_red(
    institucion_compartida,
):
    campana = _autorizada(
        "Campaña del calendario",
        [_post(-2, "facebook", "Ayer sin evidencia"), _post(1, "x", "Mañana en X")],
    )
    url = reverse("calendario_campanas:index")

    def mes_de(dias):  # near a month's end a post may fall on another month's page
        mes = (HOY + datetime.timedelta(days=dias)).strftime("%Y-%m")
        return cliente("editor").get(url, {"mes": mes}).content.decode()

    html = mes_de(-2)
    assert 'class="post facebook vencida"' in html and "(vencida)" in html
    assert 'class="post x programada"' in mes_de(1)
    html = cliente("editor").get(url).content.decode()
    assert 'aria-current="date"' in html  # today highlighted
    vencidas = [p.texto for p in calendario.vencidas()]
    assert "Ayer sin evidencia" in vencidas
    tablero = cliente("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert "Publicaciones vencidas" in tablero
    assert campana.live


def test_marking_a_post_published_records_url_time_and_who(institucion_compartida):
    campana = _autorizada("Campaña con evidencia", [_post(-1, "x", "Publicada ayer")])
    post = campana.publicaciones.get()
    url = reverse("calendario_campanas:marcar_publicada", args=(post.pk,))

    mal = cliente("editor").post(url, {"url": "https://facebook.com/cetec/posts/1"})
    assert "La dirección no es de X" in mal.content.decode()
    assert not Evidencia.objects.filter(campana=campana).exists()

    bien = cliente("editor").post(url, {"url": "https://x.com/cetec/status/123"})
    assert bien.status_code == 302
    evidencia = Evidencia.objects.get(campana=campana)
    assert (evidencia.url, evidencia.red, evidencia.registrada_por.username) == (
        "https://x.com/cetec/status/123",
        "x",
        "editor",
    )
    assert evidencia.texto == "Publicada ayer" and evidencia.campana_id == campana.pk
    assert "Publicada ayer" not in [p.texto for p in calendario.vencidas()]
    assert denegada(cliente("monitoreo").get(url))


def _nueva_direccion(usuario):
    """``usuario`` asks the calendar for a new ICS address; the secret it shows."""
    respuesta = cliente(usuario).post(reverse("calendario_campanas:nueva_direccion"))
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "no se vuelve a mostrar" in html
    return re.search(r"/calendario/([\w-]+)\.ics", html).group(1)


def test_the_ics_feed_lists_the_posts_and_refuses_a_wrong_token(
    client, institucion_compartida
):
    _autorizada("Campaña en el calendario", [_post(2, "x", "Texto en X")])

    token = _nueva_direccion("editor")
    respuesta = client.get(f"/calendario/{token}.ics")
    assert respuesta["Content-Type"].startswith("text/calendar")
    eventos = [
        c for c in Calendar.from_ical(respuesta.content).walk() if c.name == "VEVENT"
    ]
    evento = next(e for e in eventos if "Campaña en el calendario" in str(e["summary"]))
    assert str(evento["summary"]) == "[X (Twitter)] Campaña en el calendario"
    assert str(evento["description"]) == "Texto en X"
    inicio = evento.decoded("dtstart")
    assert timezone.localtime(inicio).time() == datetime.time(10)

    assert client.get(f"/calendario/{token}x.ics").status_code == 404
    nuevo = _nueva_direccion("editor")
    assert client.get(f"/calendario/{token}.ics").status_code == 404
    assert client.get(f"/calendario/{nuevo}.ics").status_code == 200
    monitoreo = get_user_model().objects.get(username="monitoreo")
    ajeno = TokenCalendario.nuevo(monitoreo)  # no calendar permission
    assert client.get(f"/calendario/{ajeno}.ics").status_code == 404


def test_the_ics_secret_is_stored_only_as_its_hash(institucion_compartida):
    token = _nueva_direccion("editor")

    guardado = TokenCalendario.objects.get(usuario__username="editor")
    assert guardado.huella == hashlib.sha256(token.encode()).hexdigest()
    assert not TokenCalendario.objects.filter(huella=token).exists()
    calendario_html = cliente("editor").get(reverse("calendario_campanas:index"))
    assert token not in calendario_html.content.decode()
    assert (
        "Ya tienes una dirección iCalendar personal" in calendario_html.content.decode()
    )


def test_the_public_campaign_page_shows_its_published_posts(
    client, institucion_compartida
):
    campana = _autorizada("Campaña pública", [_post(-1, "facebook", "Ya salió")])
    post = campana.publicaciones.get()
    html = client.get(campana.url).content.decode()
    assert "Ley de Acceso de las Mujeres" in html and "Estudiantes de 15 a 18" in html
    assert "Ya salió" not in html
    RegistroManual().publicar(post, None, url="https://facebook.com/cetec/posts/9")
    html = client.get(campana.url).content.decode()
    assert "https://facebook.com/cetec/posts/9" in html and "Ya salió" in html
    listado = client.get("/campanas/").content.decode()
    assert "Campañas vigentes" in listado and "Campaña pública" in listado


def test_the_compliance_report_counts_instructions_and_evidence_per_campus(
    institucion_compartida,
):
    anio, trimestre = 2025, 3
    seccion = institucion_compartida.planteles["torreon"].get_parent()
    PlantelPageFactory(parent=seccion, title="Plantel Monclova", slug="monclova")
    planteles = {p.slug: p for p in PlantelPage.objects.all()}
    instrucciones = []
    for dia in (5, 20):
        instruccion = Instruccion(
            titulo=f"Instrucción {dia}", fecha=datetime.date(2025, 8, dia)
        )
        instruccion.planteles = [planteles["torreon"], planteles["saltillo"]]
        instruccion.save()
        instrucciones.append(instruccion)
    fuera = Instruccion(titulo="Otro trimestre", fecha=datetime.date(2025, 10, 1))
    fuera.planteles = [planteles["monclova"]]
    fuera.save()
    for instruccion in instrucciones:
        ReporteCumplimiento.objects.create(
            plantel=planteles["torreon"], instruccion=instruccion,
            fecha=instruccion.fecha, descripcion="Hecho", enlaces="https://x.com/a/1",
        )  # fmt: skip
    ReporteCumplimiento.objects.create(
        plantel=planteles["saltillo"], instruccion=instrucciones[0],
        fecha=datetime.date(2025, 8, 6), descripcion="Hecho", enlaces="https://x.com/b",
    )  # fmt: skip

    filas = {f.plantel: f for f in cumplimiento(anio, trimestre)}
    assert (
        filas["Plantel Torreón"].instrucciones,
        filas["Plantel Torreón"].atendidas,
    ) == (2, 2)
    assert filas["Plantel Saltillo"].cumplimiento == "50 %"
    assert filas["Plantel Monclova"].instrucciones == 0
    assert filas["Plantel Monclova"].cumplimiento == "—"

    url = reverse("cumplimiento_planteles:index")
    html = cliente("coordinacion").get(url, {"anio": anio, "trimestre": trimestre})
    assert (
        'data-plantel="Plantel Saltillo" data-porcentaje="50"' in html.content.decode()
    )
    csv = cliente("coordinacion").get(
        url, {"anio": anio, "trimestre": trimestre, "export": "csv"}
    )
    lineas = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
    assert "Plantel Saltillo,2,1,1,50 %" in lineas
    assert denegada(cliente("enlace").get(url))


def test_an_enlace_files_evidence_only_for_their_own_campus(institucion_compartida):
    torreon = PlantelPage.objects.get(slug="torreon")
    saltillo = PlantelPage.objects.get(slug="saltillo")
    ReporteCumplimiento.objects.create(
        plantel=saltillo,
        fecha=HOY,
        descripcion="Compartimos el video de la plática",
        enlaces="https://facebook.com/cetec-saltillo/posts/3",
    )
    url = reverse("wagtailsnippets_campanas_reportecumplimiento:add")
    datos = {
        "plantel": saltillo.pk,
        "fecha": HOY.isoformat(),
        "descripcion": "Publicamos la infografía",
        "enlaces": "https://facebook.com/cetec-torreon/posts/5",
    }
    ajeno = cliente("enlace").post(url, datos)
    assert ajeno.status_code == 200
    nuevos = ReporteCumplimiento.objects.filter(descripcion="Publicamos la infografía")
    assert not nuevos.exists()

    sin_evidencia = cliente("enlace").post(
        url, {**datos, "plantel": torreon.pk, "enlaces": ""}
    )
    assert "Agrega al menos un enlace o un archivo" in sin_evidencia.content.decode()

    propio = cliente("enlace").post(url, {**datos, "plantel": torreon.pk})
    assert propio.status_code == 302
    reporte = nuevos.get()
    assert (reporte.plantel, reporte.responsable.username) == (torreon, "enlace")
    # The listing shows an enlace only their campus's reports.
    listado = cliente("enlace").get(
        reverse("wagtailsnippets_campanas_reportecumplimiento:list")
    )
    html = listado.content.decode()

    def editar(r):
        return reverse(
            "wagtailsnippets_campanas_reportecumplimiento:edit", args=(r.pk,)
        )

    assert editar(reporte) in html
    otros = ReporteCumplimiento.objects.exclude(plantel=torreon)
    assert otros.exists() and not any(editar(r) in html for r in otros)


def test_each_evidence_is_a_record_of_the_social_media_series(institucion_compartida):

    serie = institucion_compartida.series["9C.1"]
    serie.nombre, serie.plazo_tramite = "Publicaciones en redes sociales", 3
    serie.save()
    campana = _autorizada("Campaña en el archivo", [_post(-1, "x", "Al archivo")])
    post = campana.publicaciones.get()
    evidencia = RegistroManual().publicar(
        post, None, url="https://x.com/cetec/status/42"
    )
    registro = Registro.objects.de_objeto(
        Evidencia.objects.get(url="https://x.com/cetec/status/42")
    ).get()
    assert registro.serie.codigo.endswith("9C.1")
    assert registro.tipo == "Evidencia de publicación"
    anios = (registro.fin_tramite - registro.abierto.date()).days // 365
    assert anios == 3  # "Publicaciones en redes sociales": 3 years in trámite
    instantanea = registro.instantaneas.get()
    assert instantanea.contenido["url"] == "https://x.com/cetec/status/42"
    assert instantanea.contenido["texto"] == "Al archivo"
    del_campana = Registro.objects.de_objeto(campana).get()
    assert "Evidencia en X (Twitter)" in del_campana.ultima_accion
    assert evidencia == "https://x.com/cetec/status/42"


def _programa(usuario, campana):
    url = reverse("calendario_campanas:programa_mensual", args=(campana.pk,))
    datos = {"mes": HOY.strftime("%Y-%m"), "temas": "Uno", "redes": ["facebook"]}
    return cliente(usuario).post(url, {**datos, "hora": "11:00"})


def test_the_generator_respects_a_page_lock_held_by_someone_else(
    institucion_compartida,
):
    campana = _autorizada("Campaña bloqueada", [_post(1)])
    revisiones = campana.revisions.count()
    bloquear = reverse("wagtailadmin_pages:lock", args=(campana.pk,))
    assert cliente("coordinacion").post(bloquear).status_code == 302

    respuesta = _programa("editor", campana)

    assert respuesta.status_code == 302
    mensajes = [str(m) for m in get_messages(respuesta.wsgi_request)]
    assert any("la campaña está bloqueada" in m for m in mensajes)
    assert campana.revisions.count() == revisiones
    assert _programa("coordinacion", campana).status_code == 302
    assert campana.revisions.count() == revisiones + 1


def test_the_generator_respects_the_workflow_lock_during_review(
    institucion_compartida,
):
    _crear("Campaña en revisión", [_post(1)])
    campana = CampanaPage.objects.get(title="Campaña en revisión")
    assert campana.current_workflow_task_state is not None
    revisiones = campana.revisions.count()

    respuesta = _programa("editor", campana)

    assert respuesta.status_code == 302
    assert campana.revisions.count() == revisiones


def test_website_evidence_must_be_on_the_institutions_own_domains(
    institucion_compartida, settings
):
    settings.CAMPANAS_DOMINIOS = ["cepru.gob.mx"]
    campana = _autorizada("Campaña del sitio", [_post(-1, "sitio", "En el sitio")])
    post = campana.publicaciones.get()
    url = reverse("calendario_campanas:marcar_publicada", args=(post.pk,))

    for ajena in (
        "https://sitio-falso.example.com/campana",
        "https://cepru.gob.mx.example.com/campana",
    ):
        respuesta = cliente("editor").post(url, {"url": ajena})
        assert respuesta.status_code == 200
        assert "no es de un sitio de la institución" in respuesta.content.decode()
    script = cliente("editor").post(url, {"url": "javascript://cepru.gob.mx/%0a1"})
    assert script.status_code == 200
    assert not Evidencia.objects.filter(campana=campana).exists()

    propia = "https://www.cepru.gob.mx/campanas/campana-del-sitio/"
    assert cliente("editor").post(url, {"url": propia}).status_code == 302
    assert Evidencia.objects.get(campana=campana).url == propia
