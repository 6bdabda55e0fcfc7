"""The records index for Elasticsearch, checked offline through its request bodies."""

from archivo.documents import RegistroDocument, consulta
from archivo.models import Registro
from tests.factories import BoletinPageFactory


def test_the_mapping_analyses_spanish_and_folds_accents():
    indice = RegistroDocument._index.to_dict()
    analizador = indice["settings"]["analysis"]["analyzer"]["espanol_sin_acentos"]
    assert analizador["tokenizer"] == "standard"
    assert analizador["filter"][0] == "lowercase"
    assert analizador["filter"][-1] == "asciifolding"
    filtros = indice["settings"]["analysis"]["filter"]
    assert filtros["espanol_vacias"] == {"type": "stop", "stopwords": "_spanish_"}
    assert filtros["espanol_raices"] == {"type": "stemmer", "language": "light_spanish"}
    campos = indice["mappings"]["properties"]
    assert campos["titulo"]["analyzer"] == "espanol_sin_acentos"
    assert campos["titulo"]["fields"]["exacto"] == {"type": "keyword"}
    assert campos["folio"] == {"type": "keyword"}
    assert campos["fin_concentracion"] == {"type": "date"}
    assert campos["reserva"] == {"type": "boolean"}


def test_the_archivist_query_boosts_title_and_exact_folio_and_filters():
    cuerpo = consulta(
        "vacunación influenza", tipo="Boletín", reserva=True, anio=2026
    ).to_dict()
    (opcion_folio, texto) = cuerpo["query"]["bool"]["should"]
    assert opcion_folio == {
        "term": {"folio": {"value": "vacunación influenza", "boost": 10}}
    }
    assert texto["multi_match"]["fields"][0] == "titulo^3"
    assert texto["multi_match"]["operator"] == "and"
    assert {"term": {"tipo": "Boletín"}} in cuerpo["query"]["bool"]["filter"]
    assert {"term": {"reserva": True}} in cuerpo["query"]["bool"]["filter"]
    assert {"range": {"abierto": {"gte": "2026-01-01", "lt": "2027-01-01"}}} in cuerpo[
        "query"
    ]["bool"]["filter"]
    assert cuerpo["_source"] is False


def test_a_record_becomes_a_document_with_its_latest_snapshot_text(
    institucion_compartida,
):
    boletin = BoletinPageFactory(
        parent=institucion_compartida.sala,
        publicada=True,
        sumario="La Secretaría de Salud aplicará la vacuna en los planteles.",
    )
    registro = Registro.objects.de_objeto(boletin).get()
    documento = RegistroDocument.desde_registro(registro)
    datos = documento.to_dict(include_meta=True)
    assert datos["_id"] == registro.pk and datos["_index"] == "registros"
    fuente = datos["_source"]
    assert fuente["titulo"] == boletin.title
    assert fuente["folio"] == boletin.folio_texto
    assert fuente["serie"] == "CEPRU/9C/9C.3"
    assert boletin.sumario[:40] in fuente["texto"]
    assert "<" not in fuente["texto"]
