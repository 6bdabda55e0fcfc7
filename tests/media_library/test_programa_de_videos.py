"""The video programme (003 P01): states, the overdue panel, raw material in the
private storage, and who may see, move or delete each item."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from media_library.models import MaterialBruto, ProgramaVideo
from tests.admin import cliente, denegada, usuario_extra
from tests.factories import ProgramaVideoFactory

LISTA = "wagtailsnippets_media_library_programavideo:list"


def _url(accion, programa):
    return reverse(
        f"wagtailsnippets_media_library_programavideo:{accion}", args=(programa.pk,)
    )


def _negada(respuesta):
    return denegada(respuesta) or respuesta.status_code in (403, 404)


def test_states_move_one_step_and_produced_is_dated(institucion_compartida):
    programa = ProgramaVideoFactory()
    programa.estado = ProgramaVideo.PRODUCIDO
    with pytest.raises(ValidationError):
        programa.full_clean()
    for estado in (ProgramaVideo.EN_PRODUCCION, ProgramaVideo.EN_REVISION):
        programa.estado = estado
        programa.full_clean()
        programa.save()
    # Review asks for changes: back to production, then forward again.
    programa.estado = ProgramaVideo.EN_PRODUCCION
    programa.full_clean()
    programa.save()
    assert programa.producido_en is None
    programa.estado = ProgramaVideo.EN_REVISION
    programa.save()
    programa.estado = ProgramaVideo.PRODUCIDO
    programa.full_clean()
    programa.save()
    assert programa.producido_en is not None
    programa.estado = ProgramaVideo.PUBLICADO
    with pytest.raises(ValidationError):
        programa.full_clean()  # a published video links its VideoPage


def test_overdue_videos_show_on_the_producers_and_the_heads_dashboards(
    institucion_compartida,
):
    editor = institucion_compartida.usuarios["editor"]
    otro = usuario_extra("productora", "Editores")
    ayer = timezone.localdate() - datetime.timedelta(days=1)
    propio = ProgramaVideoFactory(productor=editor, fecha_compromiso=ayer)
    ajeno = ProgramaVideoFactory(productor=otro, fecha_compromiso=ayer)
    a_tiempo = ProgramaVideoFactory(productor=editor)

    del_editor = cliente("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert "Videos programados vencidos (1)" in del_editor
    assert propio.tema in del_editor and ajeno.tema not in del_editor
    assert a_tiempo.tema not in del_editor
    de_jefatura = (
        cliente("coordinacion").get(reverse("wagtailadmin_home")).content.decode()
    )
    assert "Videos programados vencidos (2)" in de_jefatura
    assert propio.tema in de_jefatura and ajeno.tema in de_jefatura
    assert "Videos programados vencidos" not in (
        cliente("monitoreo").get(reverse("wagtailadmin_home")).content.decode()
    )


def test_a_producer_sees_and_moves_only_their_own_and_deletes_nothing(
    institucion_compartida,
):
    editor = institucion_compartida.usuarios["editor"]
    otro = usuario_extra("productor2", "Editores")
    propio = ProgramaVideoFactory(productor=editor)
    ajeno = ProgramaVideoFactory(productor=otro)
    client = cliente("editor")

    lista = client.get(reverse(LISTA)).content.decode()
    assert propio.tema in lista and ajeno.tema not in lista
    assert client.get(_url("edit", propio)).status_code == 200
    assert client.get(_url("history", propio)).status_code == 200
    for accion in ("edit", "delete", "history"):
        assert _negada(client.get(_url(accion, ajeno))), accion
    assert _negada(client.get(_url("delete", propio)))
    assert _negada(client.post(_url("delete", propio)))
    assert ProgramaVideo.objects.filter(pk=propio.pk).exists()
    assert _negada(
        client.get(reverse("wagtailsnippets_media_library_programavideo:add"))
    )
    # Without any right on the programme: nothing at all.
    nadie = cliente("monitoreo")
    assert _negada(nadie.get(reverse(LISTA)))
    assert _negada(nadie.get(_url("edit", propio)))
    # The head programmes and deletes.
    jefatura = cliente("coordinacion")
    assert ajeno.tema in jefatura.get(reverse(LISTA)).content.decode()
    assert jefatura.post(_url("delete", ajeno)).status_code == 302
    assert not ProgramaVideo.objects.filter(pk=ajeno.pk).exists()


def test_raw_material_is_private_and_downloaded_only_by_who_may_see_the_video(
    institucion_compartida, settings
):
    editor = institucion_compartida.usuarios["editor"]
    programa = ProgramaVideoFactory(productor=editor)
    material = MaterialBruto(programa=programa, descripcion="Toma abierta")
    material.archivo.save("toma.mp4", ContentFile(b"bruto"), save=True)
    assert material.archivo.storage.__class__.__name__ != "FileSystemStorage"
    with pytest.raises(NotImplementedError):
        material.archivo.storage.url(material.archivo.name)

    url = reverse("programa_videos_material", args=(material.pk,))
    respuesta = cliente("editor").get(url)
    assert respuesta.status_code == 200
    assert b"".join(respuesta.streaming_content) == b"bruto"
    otro = usuario_extra("productor3", "Editores")
    ajeno = ProgramaVideoFactory(productor=otro)
    material_ajeno = MaterialBruto.objects.create(
        programa=ajeno, archivo=ContentFile(b"x", name="otra.mp4")
    )
    assert _negada(
        cliente("editor").get(
            reverse("programa_videos_material", args=(material_ajeno.pk,))
        )
    )
    # The edit form names the file and links to the checked download.
    formulario = cliente("editor").get(_url("edit", programa)).content.decode()
    assert url in formulario
