"""PostgreSQL's index fed the same folded Spanish stems as SQLite's.

The ``spanish_unaccent`` configuration alone is not enough: PostgreSQL's Snowball
Spanish stemmer only knows the accented suffixes ("-ación"), so after ``unaccent``
"Vacunación" stays ``vacunacion`` while "vacunaciones" becomes ``vacun`` and the two
never meet. Folding and stemming in Python first (``search/normalizacion.py``, a
newer Snowball) gives both databases the same answers; the configuration still
drops Spanish stop words and folds whatever reaches it unfolded.
"""

from modelsearch.backends.database.postgres import postgres
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.normalizacion import normalizar


class IndexadorPostgresEspanol(postgres.ObjectIndexer):
    """Searchable text as folded stems; autocomplete keeps the words as written."""

    def prepare_field(self, obj, field):
        for campo, peso, valor in super().prepare_field(obj, field):
            if isinstance(campo, SearchField):
                valor = normalizar(valor)
            yield campo, peso, valor


class IndicePostgresEspanol(postgres.PostgresIndex):
    """Wagtail's PostgreSQL index, written through ``IndexadorPostgresEspanol``."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexadores = [IndexadorPostgresEspanol(obj, self.backend) for obj in objs]
        if not indexadores:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = postgres.InsertQuery(postgres.IndexEntry).get_compiler(
            connection=self.write_connection
        )
        filas, parametros = [], []
        for indexador in indexadores:
            parametros.extend((content_type_pk, indexador.id))
            vectores = []
            for campo in ("title", "autocomplete", "body"):
                valor = compiler.prepare_value(
                    postgres.IndexEntry._meta.get_field(campo),
                    getattr(indexador, campo),
                )
                sql, params = valor.as_sql(compiler, self.write_connection)
                vectores.append(sql)
                parametros.extend(params)
            parametros.extend((indexador.title_text, indexador.body_text))
            filas.append(f"(%s, %s, {', '.join(vectores)}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {postgres.IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body,
                     title_norm, title_text, body_text)
                (VALUES {", ".join(filas)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                parametros,
            )
        self._refresh_title_norms()


class CompiladorPostgresEspanol(postgres.PostgresSearchQueryCompiler):
    """Fold the words a visitor typed exactly as the index folded the text."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            query = PlainText(normalizar(query.query_string), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(normalizar(query.query_string))
        return super().build_tsquery_content(query, config=config, invert=invert)


class BackendPostgresEspanol(postgres.PostgresSearchBackend):
    """PostgreSQL full-text search over folded Spanish stems."""

    index_class = IndicePostgresEspanol
    query_compiler_class = CompiladorPostgresEspanol
