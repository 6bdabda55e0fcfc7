"""The cold path: with the shared cache off (``DummyCache``), every page stays
within its query budget, whatever the number of items, and publishing one
boletín leaves the other boletines' remembered fragments warm."""

import datetime

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from boletines.models import BoletinIndexPage, BoletinPage
from tests.consultas import consultas
from tests.factories import (
    BoletinPageFactory,
    CampanaPageFactory,
    ImagenFactory,
    VideoPageFactory,
)

# The shared cache off; the process's own memory (site, settings, menu, routes)
# stays, as it does in production when the shared cache is cold or down.
SIN_MEMORIA = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "proceso": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "proceso-en-frio",
    },
}
SLUG = "convenio-con-la-universidad"
LIMITES = {
    "/": 12,
    "/boletines/": 10,
    "/boletines/?pagina=2": 10,
    f"/boletines/{SLUG}/": 10,
    "/buscar/?q=convenio": 8,
    "/videos/": 10,
}


def _crear(institucion, desde, cantidad, fotos, videos, campanas):
    hoy = timezone.localdate()
    for n in range(desde, desde + cantidad):
        BoletinPageFactory(
            parent=institucion.sala,
            title=f"Firma de convenio número {n}",
            fecha=hoy - datetime.timedelta(days=n + 1),
            fotos=fotos,
            publicada=True,
        )
    for _ in range(videos):
        VideoPageFactory(parent=institucion.videoteca, publicada=True)
    for _ in range(campanas):
        CampanaPageFactory(parent=institucion.campanas, publicada=True)


def _sql(client, url):
    with CaptureQueriesContext(connection) as capturadas:
        assert client.get(url).status_code == 200
    return [consulta["sql"] for consulta in capturadas]


@pytest.fixture(scope="module")
def en_frio(institucion_del_modulo, tmp_path_factory):
    """Each URL's queries without the shared cache, with 21 boletines (two pages
    of the newsroom) and then 41, each with two photos.

    Videos and campaigns grow only as far as a page shows more of them: the home
    shows at most three of each and the videoteca all, so 2 videos and 1
    campaign, then 5 and 3, change what every page lists (a query per card
    would show), without publishing forty of each.

    Each URL is visited once first: renditions are generated on a first visit.
    """
    ajustes = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("medios"), CACHES=SIN_MEMORIA
    )
    ajustes.enable()
    try:
        fotos = [ImagenFactory(), ImagenFactory()]
        BoletinPageFactory(
            parent=institucion_del_modulo.sala,
            slug=SLUG,
            title="Convenio con la universidad",
            fotos=fotos,
            publicada=True,
        )
        _crear(institucion_del_modulo, 0, 20, fotos, videos=2, campanas=1)
        client = Client()
        pocas = {}
        for url in LIMITES:
            client.get(url)
            pocas[url] = _sql(client, url)
        _crear(institucion_del_modulo, 20, 20, fotos, videos=3, campanas=2)
        muchas = {}
        for url in LIMITES:
            client.get(url)
            muchas[url] = _sql(client, url)
        return pocas, muchas
    finally:
        ajustes.disable()


@pytest.mark.parametrize("url", LIMITES)
def test_without_the_shared_cache_each_page_stays_within_its_budget(
    en_frio, institucion_compartida, url
):
    pocas, muchas = en_frio
    assert len(pocas[url]) <= LIMITES[url], "\n".join(pocas[url])


@pytest.mark.parametrize("url", LIMITES)
def test_without_the_shared_cache_queries_do_not_grow_with_the_items(
    en_frio, institucion_compartida, url
):
    pocas, muchas = en_frio
    assert len(muchas[url]) == len(pocas[url]), "\n".join(muchas[url])


@pytest.mark.parametrize("url", ["/", "/boletines/", "/boletines/?pagina=2"])
def test_cards_read_their_renditions_in_one_query(en_frio, institucion_compartida, url):
    renditions = [
        sql for sql in en_frio[1][url] if 'FROM "media_library_imagenrendition"' in sql
    ]
    assert len(renditions) == 1, "\n".join(renditions)


@pytest.mark.parametrize("url", [f"/boletines/{SLUG}/", "/boletines/"])
def test_a_known_route_costs_no_site_level_or_restriction_query(
    en_frio, institucion_compartida, url
):
    consultas_de_la_ruta = [
        sql
        for sql in en_frio[1][url]
        if 'FROM "wagtailcore_site"' in sql
        or 'FROM "wagtailcore_pageviewrestriction"' in sql
        or '"wagtailcore_page"."url_path" IN' in sql
        or 'FROM "home_institucionsettings"' in sql
    ]
    assert consultas_de_la_ruta == []


@pytest.fixture
def tres_boletines(institucion_compartida):
    """Three live boletines ten days apart, years before the module's others:
    ``viejo``, ``medio`` and ``nuevo``."""
    hoy = timezone.localdate() - datetime.timedelta(days=3000)
    foto = ImagenFactory()
    return {
        nombre: BoletinPageFactory(
            parent=institucion_compartida.sala,
            title=f"Boletín {nombre}",
            slug=f"boletin-{nombre}",
            fecha=hoy - datetime.timedelta(days=dias),
            fotos=[foto],
            publicada=True,
        )
        for nombre, dias in (("viejo", 20), ("medio", 10), ("nuevo", 0))
    }


def test_publishing_one_boletin_leaves_another_boletin_warm(client, tres_boletines):
    otro = "/boletines/boletin-viejo/"
    consultas(client, otro)
    caliente = consultas(client, otro)
    nuevo = BoletinPage.objects.get(slug="boletin-nuevo")
    nuevo.title = "Boletín nuevo, con el título corregido"
    nuevo.save_revision().publish()
    assert consultas(client, otro) == caliente
    assert "Boletín nuevo, con el título corregido" in (
        client.get("/boletines/boletin-nuevo/").content.decode()
    )


def test_publishing_a_boletin_refreshes_its_neighbours_links(client, tres_boletines):
    vecino = "/boletines/boletin-viejo/"
    assert "Boletín medio" in client.get(vecino).content.decode()
    medio = BoletinPage.objects.get(slug="boletin-medio")
    medio.title = "Boletín medio, corregido"
    medio.save_revision().publish()
    assert "Boletín medio, corregido" in client.get(vecino).content.decode()
    medio.unpublish()
    html = client.get(vecino).content.decode()
    assert "Boletín medio" not in html
    assert "Boletín nuevo" in html


def test_a_new_date_refreshes_the_old_and_the_new_neighbours(client, tres_boletines):
    for slug in ("boletin-viejo", "boletin-nuevo"):
        assert "Boletín medio" in client.get(f"/boletines/{slug}/").content.decode()
    medio = BoletinPage.objects.get(slug="boletin-medio")
    medio.fecha = tres_boletines["nuevo"].fecha + datetime.timedelta(days=1)
    medio.save_revision().publish()
    viejo = client.get("/boletines/boletin-viejo/").content.decode()
    assert "Boletín medio" not in viejo  # its next is now «nuevo»
    assert "Boletín nuevo" in viejo
    assert "Boletín medio" in client.get("/boletines/boletin-nuevo/").content.decode()


def test_a_remembered_route_still_applies_a_new_view_restriction(
    client, tres_boletines
):
    url = "/boletines/boletin-viejo/"
    assert client.get(url).status_code == 200
    restriccion = PageViewRestriction.objects.create(
        page=tres_boletines["viejo"], restriction_type=PageViewRestriction.LOGIN
    )
    respuesta = client.get(url)
    assert respuesta.status_code == 302
    assert "login" in respuesta["Location"]
    restriccion.delete()
    assert client.get(url).status_code == 200


def test_a_renamed_or_unpublished_page_is_routed_again(client, tres_boletines):
    assert client.get("/boletines/boletin-viejo/").status_code == 200
    viejo = BoletinPage.objects.get(slug="boletin-viejo")
    viejo.slug = "boletin-renombrado"
    viejo.save_revision().publish()
    assert client.get("/boletines/boletin-viejo/").status_code == 404
    assert client.get("/boletines/boletin-renombrado/").status_code == 200
    viejo.unpublish()
    assert client.get("/boletines/boletin-renombrado/").status_code == 404


def test_the_newsroom_feeds_and_a_boletins_pdf_route_through_the_memory(
    client, tres_boletines
):
    for _ in range(2):
        feed = client.get("/boletines/feed/")
        assert feed.status_code == 200
        assert "<rss" in feed.content.decode()
        pdf = client.get("/boletines/boletin-viejo/pdf/")
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
    assert client.get("/boletines/no-existe/").status_code == 404


def test_deep_newsroom_pages_seek_the_same_boletines_an_offset_would(
    client, institucion_compartida, monkeypatch
):
    """Pages past the first seek past the previous page's last boletín; with
    boletines sharing a date across a page's edge, each appears exactly once."""
    monkeypatch.setattr(BoletinIndexPage, "por_pagina", 3)
    dia = timezone.localdate() - datetime.timedelta(days=5000)
    for _ in range(4):
        BoletinPageFactory(
            parent=institucion_compartida.sala, fecha=dia, publicada=True
        )
    BoletinPageFactory(
        parent=institucion_compartida.sala,
        fecha=dia - datetime.timedelta(days=1),
        publicada=True,
    )
    vivos = BoletinPage.objects.live().order_by("-fecha", "-pk")
    esperados = list(vivos.values_list("pk", flat=True))
    vistos = []
    for numero in range(1, len(esperados) // 3 + 2):
        respuesta = client.get(f"/boletines/?pagina={numero}")
        assert respuesta.status_code == 200
        vistos += [b.pk for b in respuesta.context["boletines"]]
    assert vistos == esperados


@pytest.mark.django_db
def test_the_route_query_finds_pages_by_an_index_on_url_path():
    """The one-query routing asks ``url_path IN (…)``; Wagtail has no index there
    (a full scan of 100,000 boletines on each first visit, docs/escala.md)."""
    with connection.cursor() as cursor:
        restricciones = connection.introspection.get_constraints(
            cursor, "wagtailcore_page"
        )
    indices = [
        r["columns"] for r in restricciones.values() if r["index"] and not r["unique"]
    ]
    assert ["url_path"] in indices
