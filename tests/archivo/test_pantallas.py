"""The archivist's screens: inventories to download, and disposition as a workflow
through the admin (Archivo proposes, the Titular approves, Archivo executes)."""

from io import BytesIO

import pypdf
from django.urls import reverse

from archivo.models import Disposicion, Registro
from tests.admin import cliente, denegada
from tests.archivo.test_inventarios import _preparar


def test_the_archivist_downloads_each_inventory_as_xlsx_and_pdf(publicaciones):
    _preparar()
    archivo = cliente("archivo")
    pagina = archivo.get(reverse("archivo_inventarios")).content.decode()
    assert "Inventario de baja documental" in pagina
    xlsx = archivo.get(reverse("archivo_inventario", args=("general", "xlsx")))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    pdf = archivo.get(reverse("archivo_inventario", args=("baja", "pdf")))
    texto = pypdf.PdfReader(BytesIO(pdf.content)).pages[0].extract_text()
    assert "Inventario de baja documental" in texto
    assert (
        archivo.get(reverse("archivo_inventario", args=("otro", "pdf"))).status_code
        == 404
    )
    assert denegada(cliente("editor").get(reverse("archivo_inventarios")))


def test_disposition_through_the_admin_ends_with_the_acta(publicaciones):
    vigente, primaria, historico, hold, baja = _preparar()
    archivo, titular = cliente("archivo"), cliente("titular")
    url = reverse("archivo_disposiciones") + "?tipo=baja"

    listado = archivo.get(url).content.decode()
    assert baja.titulo in listado and hold.titulo not in listado
    # A record still within its period cannot be slipped into the proposal.
    colado = archivo.post(
        url, {"registros": [baja.pk, vigente.pk], "justificacion": "Plazo cumplido"}
    )
    assert colado.status_code == 200 and not Disposicion.objects.exists()

    propuesta = archivo.post(
        url, {"registros": [baja.pk], "justificacion": "Plazo cumplido"}
    )
    acta = Disposicion.objects.get()
    assert propuesta.status_code == 302 and acta.estado == "propuesta"
    detalle = reverse("archivo_disposicion", args=(acta.pk,))
    # The archivist cannot approve their own proposal; nor execute it yet.
    archivo.post(detalle, {"accion": "aprobar"})
    archivo.post(detalle, {"accion": "ejecutar"})
    acta.refresh_from_db()
    assert acta.estado == "propuesta"

    titular.post(detalle, {"accion": "aprobar", "comentario": "De acuerdo"})
    acta.refresh_from_db()
    assert (acta.estado, acta.revisada_por.username) == ("aprobada", "titular")
    archivo.post(detalle, {"accion": "ejecutar"})
    acta.refresh_from_db()
    assert acta.estado == "ejecutada"
    assert Registro.objects.get(pk=baja.pk).disposicion == Registro.BAJA
    pdf = archivo.get(reverse("archivo_descargar_acta", args=(acta.pk,)))
    contenido = b"".join(pdf.streaming_content)
    texto = pypdf.PdfReader(BytesIO(contenido)).pages[0].extract_text()
    assert acta.numero in texto
    assert denegada(cliente("editor").get(detalle))
