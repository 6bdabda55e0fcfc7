"""Spanish text folded the way the search index and the highlighter compare it.

PostgreSQL does this inside the database (the ``spanish_unaccent`` text search
configuration: ``unaccent`` then the Snowball Spanish stemmer); SQLite's FTS5 has
neither a Spanish stemmer nor a way to add one from Python, so the SQLite backend
stores and queries the same folding done here, with the same Snowball algorithm.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

PALABRA = re.compile(r"\w+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("spanish")


def plegar(texto: str) -> str:
    """Lower case without accents or tildes: "Campaña de Vacunación" → "campana de
    vacunacion"."""
    descompuesto = unicodedata.normalize("NFKD", texto.lower())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


@lru_cache(maxsize=50_000)
def raiz(palabra: str) -> str:
    """The Spanish stem of one word, after folding: "vacunaciones" → "vacun"."""
    return _stemmer.stemWord(plegar(palabra))


def normalizar(texto: str) -> str:
    """Every word of ``texto`` replaced by its folded stem, for the SQLite index."""
    return " ".join(raiz(p) for p in PALABRA.findall(texto))
