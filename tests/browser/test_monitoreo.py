"""The monitoring desk in a browser: complaint, rule, área's answer, report sent."""

import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from monitoreo.models import Mencion

from .test_aprobacion import entrar
from .test_campana import _fecha

pytestmark = pytest.mark.browser

QUEJA = "Nadie me responde por la beca de mi hijo en el plantel Torreón"


def test_a_complaint_is_channelled_answered_closed_and_reported(pagina, sitio_en_vivo):
    ahora = timezone.localtime()
    # 1. A monitor registers a complaint (quick entry).
    entrar(pagina, sitio_en_vivo, "monitoreo")
    expect(pagina.get_by_text("Lo que monitoreo hoy")).to_be_visible()
    pagina.goto(f"{sitio_en_vivo}/admin/snippets/monitoreo/mencion/add/")
    _fecha(pagina, "#id_publicada_en", f"{ahora:%Y-%m-%d %H:%M}")
    pagina.locator("#id_cuenta").fill("Facebook CETEC Coahuila, publicación del día")
    pagina.locator("#id_autor").fill("Marisol Treviño (@marisolt)")
    pagina.locator("#id_texto").fill(QUEJA)
    pagina.get_by_role("button", name="Guardar").click()
    expect(pagina.locator(".messages")).to_contain_text("creado")

    # 2. The demo's «Becas» rule classified it; it is channelled to Vinculación.
    mencion = Mencion.objects.get(texto=QUEJA)
    assert (mencion.tipo, mencion.sentimiento, mencion.tema) == (
        "queja",
        "negativo",
        "Becas",
    )
    pagina.locator("tr", has_text=QUEJA[:40]).get_by_role(
        "link", name="Seguimiento"
    ).click()
    expect(pagina.locator("#id_area")).to_have_value(str(mencion.area_id))
    pagina.get_by_role("button", name="Canalizar y avisar al área").click()
    expect(pagina.locator(".messages")).to_contain_text("Canalizada al área")
    aviso = next(m for m in mail.outbox if "Se canalizó a su área" in m.subject)
    assert aviso.to == ["vinculacion@cetec.edu.mx"]

    # 3. The área's user, who sees nothing else, answers.
    entrar(pagina, sitio_en_vivo, "area")
    pagina.goto(f"{sitio_en_vivo}/admin/monitoreo/mi-area/")
    pagina.locator("tr", has_text=QUEJA[:40]).get_by_role(
        "link", name="Responder"
    ).click()
    pagina.get_by_label("Texto").fill("Se depositará el viernes; ya se corrigió.")
    pagina.get_by_role("button", name="Enviar respuesta").click()
    expect(pagina.locator(".messages")).to_contain_text("Respuesta registrada")
    pagina.goto(f"{sitio_en_vivo}/admin/snippets/monitoreo/mencion/")
    expect(pagina.get_by_text(QUEJA)).to_have_count(0)

    # 4. The monitor marks the citizen informed, which closes it.
    entrar(pagina, sitio_en_vivo, "monitoreo")
    pagina.goto(
        f"{sitio_en_vivo}/admin/snippets/monitoreo/mencion/{mencion.pk}/seguimiento/"
    )
    pagina.get_by_label("Lo que se respondió al ciudadano en la red").fill(
        "Le respondimos en la publicación y por mensaje directo."
    )
    pagina.get_by_role("button", name="Ciudadano informado: cerrar").click()
    expect(pagina.locator(".messages")).to_contain_text("mención cerrada")
    mencion.refresh_from_db()
    assert mencion.estado == Mencion.CERRADA

    # 5. The day's report shows it; the Titular sends it as a PDF.
    pagina.goto(f"{sitio_en_vivo}/admin/snippets/monitoreo/reportemonitoreo/generar/")
    _fecha(pagina, "#id_fecha", f"{ahora:%Y-%m-%d}")
    pagina.get_by_role("button", name="Generar y revisar").click()
    expect(pagina.get_by_text(QUEJA[:40])).to_be_visible()
    url_reporte = pagina.url
    entrar(pagina, sitio_en_vivo, "titular")
    pagina.goto(url_reporte)
    pagina.get_by_role("link", name="Enviar a la Dirección General").click()
    pagina.get_by_role("button", name="Sí, enviar").click()
    expect(pagina.locator(".messages")).to_contain_text("Reporte enviado")
    enviado = next(
        m for m in mail.outbox if m.subject.startswith("Reporte de monitoreo")
    )
    assert enviado.subject == f"Reporte de monitoreo del {ahora:%d/%m/%Y}"
    nombre, contenido, _tipo = enviado.attachments[0]
    texto = "".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
    assert re.search(r"Cerrada", texto)
