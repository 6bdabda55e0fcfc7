"""SQLite's FTS5 index and queries over folded Spanish stems (``normalizacion``).

Imported only on SQLite: Wagtail defines the FTS model only there.
"""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import Phrase, PlainText

from search.normalizacion import normalizar


class IndiceSQLiteEspanol(sqlite.SQLiteIndex):
    """SQLite's FTS5 index of title and body as folded Spanish stems.

    Autocomplete keeps the words as written: it matches prefixes of what an
    editor types in the admin's choosers.
    """

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexadores = [sqlite.ObjectIndexer(obj, self.backend) for obj in objs]
        if not indexadores:
            return
        content_type_pk = sqlite.get_content_type_pk(model)
        datos = {
            i.id: {
                "title": normalizar(i.title),
                "autocomplete": i.autocomplete,
                "body": normalizar(i.body),
            }
            for i in indexadores
        }
        del_tipo = self.entries.filter(content_type_id=content_type_pk)
        existentes = set(
            del_tipo.filter(object_id__in=datos).values_list("object_id", flat=True)
        )
        for object_id in existentes:
            del_tipo.filter(object_id=object_id).update(**datos[object_id])
        self.entries.bulk_create(
            sqlite.IndexEntry(
                content_type_id=content_type_pk, object_id=object_id, **valores
            )
            for object_id, valores in datos.items()
            if object_id not in existentes
        )
        self._refresh_title_norms()


class CompiladorSQLiteEspanol(sqlite.SQLiteSearchQueryCompiler):
    """Fold the words a visitor typed exactly as the index folded the text."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(normalizar(query.query_string), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(normalizar(query.query_string))
        return super().build_search_query_content(query, config=config)


class BackendSQLiteEspanol(sqlite.SQLiteSearchBackend):
    """SQLite FTS5 search over folded Spanish stems."""

    index_class = IndiceSQLiteEspanol
    query_compiler_class = CompiladorSQLiteEspanol
