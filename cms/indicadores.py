"""The indicators the office reports upward, registered by the app that owns the rows.

Each content app defines its indicators in ``<app>/indicadores.py`` as subclasses
of :class:`Indicador` and calls :func:`registrar` from its ``AppConfig.ready()``;
the dashboard (``indicadores/``) iterates :func:`registrados` and knows no app.
A new indicator (the síntesis' «síntesis hechas / registradas», P04, say) is one
class in its own app's module and one ``registrar()`` call.

An indicator counts with aggregate queries over a whole span of periods
(:meth:`Indicador.serie`), so the dashboard's cost does not grow with the rows.
"""

import datetime
from dataclasses import dataclass
from statistics import median

from django.db.models import Case, Count, DateTimeField, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MES, TRIMESTRE, ANIO = "mes", "trimestre", "anio"
TIPOS_DE_PERIODO = [(MES, _("Mes")), (TRIMESTRE, _("Trimestre")), (ANIO, _("Año"))]
_TRUNC = {MES: "month", TRIMESTRE: "quarter", ANIO: "year"}
_MESES = (
    _("enero"),
    _("febrero"),
    _("marzo"),
    _("abril"),
    _("mayo"),
    _("junio"),
    _("julio"),
    _("agosto"),
    _("septiembre"),
    _("octubre"),
    _("noviembre"),
    _("diciembre"),
)
_ABREVIATURAS = (
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sep",
    "oct",
    "nov",
    "dic",
)


def trunc_de(tipo):
    """The ``Trunc`` kind of a period type: «month», «quarter», «year»."""
    return _TRUNC[tipo]


def _meses_de(tipo):
    return {MES: 1, TRIMESTRE: 3, ANIO: 12}[tipo]


def _sumar_meses(fecha, meses):
    total = fecha.year * 12 + fecha.month - 1 + meses
    return datetime.date(total // 12, total % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Periodo:
    """A calendar month, quarter or year (``inicio`` is its first day)."""

    inicio: datetime.date
    tipo: str = MES

    @classmethod
    def que_contiene(cls, fecha, tipo=MES):
        """The period of ``tipo`` that contains ``fecha``."""
        if tipo == ANIO:
            return cls(datetime.date(fecha.year, 1, 1), tipo)
        if tipo == TRIMESTRE:
            mes = 3 * ((fecha.month - 1) // 3) + 1
            return cls(datetime.date(fecha.year, mes, 1), tipo)
        return cls(fecha.replace(day=1), MES)

    @classmethod
    def de_parametros(cls, tipo, valor):
        """From the dashboard's query string (``tipo``, ``valor`` as YYYY-MM-DD),
        the current one when missing or wrong."""
        tipo = tipo if tipo in _TRUNC else MES
        try:
            fecha = datetime.date.fromisoformat(valor or "")
        except ValueError:
            fecha = timezone.localdate()
        return cls.que_contiene(fecha, tipo)

    @property
    def fin(self):
        """The first day after the period."""
        return _sumar_meses(self.inicio, _meses_de(self.tipo))

    def desplazado(self, n):
        return Periodo(_sumar_meses(self.inicio, n * _meses_de(self.tipo)), self.tipo)

    def ultimos(self, n=12):
        """The ``n`` periods ending with this one, oldest first."""
        return [self.desplazado(-k) for k in reversed(range(n))]

    def rango(self):
        """Start and end as aware datetimes (Mexico City), end excluded."""
        return tuple(
            timezone.make_aware(datetime.datetime.combine(d, datetime.time()))
            for d in (self.inicio, self.fin)
        )

    @property
    def valor(self):
        return self.inicio.isoformat()

    def __str__(self):
        if self.tipo == ANIO:
            return str(self.inicio.year)
        if self.tipo == TRIMESTRE:
            return _("%(n)s.º trimestre de %(anio)s") % {
                "n": (self.inicio.month - 1) // 3 + 1,
                "anio": self.inicio.year,
            }
        return f"{_MESES[self.inicio.month - 1]} de {self.inicio.year}"

    @property
    def corto(self):
        """A short label for a chart's axis: «dic 26», «T4 26», «2026»."""
        if self.tipo == ANIO:
            return str(self.inicio.year)
        if self.tipo == TRIMESTRE:
            return f"T{(self.inicio.month - 1) // 3 + 1} {self.inicio:%y}"
        return f"{_ABREVIATURAS[self.inicio.month - 1]} {self.inicio:%y}"


def a_fecha(valor):
    """A truncated date or (aware) datetime as the local date it stands for."""
    if isinstance(valor, datetime.datetime):
        if timezone.is_aware(valor):
            valor = timezone.localtime(valor)
        return valor.date()
    return valor


def _limites(queryset, campo, periodos):
    """Each period's bounds in ``campo``'s terms: dates for a date, aware datetimes
    (Mexico City) for a datetime."""
    anotacion = queryset.query.annotations.get(campo)
    tipo = anotacion.output_field if anotacion is not None else None
    es_fecha = not isinstance(tipo or _campo(queryset.model, campo), DateTimeField)
    return [(p, (p.inicio, p.fin) if es_fecha else p.rango()) for p in periodos]


def contar_varios_por_periodo(queryset, campo, periodos, distintos=None, **conteos):
    """``{name: {period start: count}}`` for each ``name=Q(…)``, in one query.

    One scan for figures that read the same rows (positive and negative mentions)
    instead of one per figure. Each row falls in its period by comparing ``campo``
    with the periods' starts, newest first (a ``CASE`` grouped on): no per-row time-zone
    conversion or truncation, which on PostgreSQL cost more than the scan itself,
    and one filtered count per figure, not one per figure and period.
    ``distintos`` counts distinct values of that field instead of rows.
    """
    limites = _limites(queryset, campo, periodos)
    desde, hasta = limites[0][1][0], limites[-1][1][1]
    # Newest period first: most rows are recent, so most stop at the first WHEN.
    periodo = Case(
        *(
            When(**{f"{campo}__gte": inicio}, then=Value(n))
            for n, (_periodo, (inicio, _fin)) in reversed(list(enumerate(limites)))
        ),
        output_field=IntegerField(),
    )
    filas = (
        queryset.filter(**{f"{campo}__gte": desde, f"{campo}__lt": hasta})
        .annotate(_periodo=periodo)
        .values("_periodo")
        .annotate(
            **{
                f"_{nombre}": Count(
                    distintos or "pk", distinct=bool(distintos), filter=filtro
                )
                for nombre, filtro in conteos.items()
            }
        )
        .order_by()
    )
    valores = {fila["_periodo"]: fila for fila in filas}
    return {
        nombre: {
            periodo.inicio: valores.get(n, {}).get(f"_{nombre}") or 0
            for n, (periodo, _rango) in enumerate(limites)
        }
        for nombre in conteos
    }


def _campo(modelo, ruta):
    """The model field at the end of ``ruta`` («folio__asignado»)."""
    *relaciones, ultimo = ruta.split("__")
    for nombre in relaciones:
        modelo = modelo._meta.get_field(nombre).related_model
    return modelo._meta.get_field(ultimo)


def contar_por_periodo(queryset, campo, periodos, distintos=None):
    """``{period start: count}`` of ``queryset`` by ``campo``, in one query.

    ``distintos`` counts distinct values of that field instead of rows.
    """
    return contar_varios_por_periodo(
        queryset, campo, periodos, distintos=distintos, n=Q()
    )["n"]


@dataclass
class Cifra:
    """One period's figures of an indicator."""

    periodo: Periodo
    programados: int | None
    realizados: int
    razon: float | None

    @property
    def porcentaje(self):
        return "—" if self.razon is None else f"{round(100 * self.razon)} %"


class Indicador:
    """An indicator: what it counts, where the manuals ask for it, how it is read.

    Subclasses set the texts and implement :meth:`serie` (figures for a list of
    periods, with a bounded number of aggregate queries) and :meth:`filas` (the
    rows behind a period's figure, for the click-through), with
    ``columnas`` naming the attributes of those rows to list and export.
    """

    slug = ""
    nombre = ""
    manual = ""  # «003 ISSSTESON, P02», where the indicator is asked for
    definicion = ""  # how it is counted: the chart's footnote
    etiqueta_programados = _("Programados")
    etiqueta_realizados = _("Realizados")
    permiso = None  # "app.codename" needed to see the rows, besides the dashboard
    columnas = ()  # ((attribute, label), …) of the rows of :meth:`filas`
    orden = 100

    def serie(self, periodos):
        """``{period start: (programados or None, realizados)}`` for ``periodos``."""
        raise NotImplementedError

    def filas(self, periodo):
        """The rows behind ``periodo``'s figures (a queryset or a list)."""
        raise NotImplementedError

    def razon(self, programados, realizados):
        """Realizados over programados; None without anything programmed."""
        if not programados:
            return None
        return realizados / programados

    def extras(self, periodo):
        """More figures of the period, ((label, value), …), shown beside the ratio."""
        return ()

    def cifras(self, periodos):
        """A :class:`Cifra` per period, from one call to :meth:`serie`."""
        valores = self.serie(periodos)
        cifras = []
        for periodo in periodos:
            programados, realizados = valores.get(periodo.inicio, (0, 0))
            if programados is None and realizados is None:
                programados, realizados = None, 0
            cifras.append(
                Cifra(
                    periodo,
                    programados,
                    realizados,
                    self.razon(programados, realizados),
                )
            )
        return cifras

    def programados(self, periodo):
        return self.cifras([periodo])[0].programados

    def realizados(self, periodo):
        return self.cifras([periodo])[0].realizados

    def tendencia(self, periodo, n=12):
        """The ``n`` periods ending with ``periodo``, oldest first."""
        return self.cifras(periodo.ultimos(n))

    def puede_ver(self, usuario):
        return self.permiso is None or usuario.has_perm(self.permiso)


def serie_de_conteos(programados, realizados, periodos):
    """Merge two ``{start: n}`` dicts into :meth:`Indicador.serie`'s shape."""
    return {
        p.inicio: (
            None if programados is None else programados.get(p.inicio, 0),
            realizados.get(p.inicio, 0),
        )
        for p in periodos
    }


def mediana(valores):
    """The median of ``valores``, or None if there are none."""
    valores = list(valores)
    return median(valores) if valores else None


_REGISTRO: dict[str, Indicador] = {}


def registrar(clase):
    """Put an indicator class on the dashboard; usable as a decorator."""
    _REGISTRO[clase.slug] = clase()
    return clase


def registrados():
    """The registered indicators, in their order."""
    return sorted(_REGISTRO.values(), key=lambda i: (i.orden, str(i.nombre)))


def indicador(slug):
    """The registered indicator ``slug``, or None."""
    return _REGISTRO.get(slug)
