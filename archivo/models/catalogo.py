"""The disposition catalogue: the classification chart's series, and their assignment.

Terms follow the Ley General de Archivos (2018): a *serie documental* of the
*Cuadro General de Clasificación Archivística* sets how long its records stay in the
*archivo de trámite* and then in the *archivo de concentración*, and their final
destination. ``docs/archivo.md`` explains the mechanism.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from ..registry import registrados


@register_snippet
class SerieDocumental(index.Indexed, models.Model):
    """A series of the classification chart, with its disposition rule."""

    BAJA, HISTORICO = "baja", "historico"
    DESTINOS = [
        (BAJA, _("Baja documental")),
        (HISTORICO, _("Conservación histórica")),
    ]
    ELECTRONICO, PAPEL, AMBOS = "electronico", "papel", "ambos"
    SOPORTES = [
        (ELECTRONICO, _("Electrónico")),
        (PAPEL, _("Papel")),
        (AMBOS, _("Electrónico y papel")),
    ]

    fondo = models.CharField(
        _("fondo"), max_length=20, help_text=_("Clave de la institución, p. ej. CETEC.")
    )
    seccion = models.CharField(
        _("sección"),
        max_length=20,
        help_text=_("Clave de la sección, p. ej. 4C (Comunicación Social)."),
    )
    serie = models.CharField(_("serie"), max_length=20, help_text=_("p. ej. 4C.3"))
    nombre = models.CharField(_("nombre"), max_length=255)
    valor_administrativo = models.BooleanField(_("valor administrativo"), default=True)
    valor_legal = models.BooleanField(_("valor legal"), default=False)
    valor_fiscal = models.BooleanField(_("valor fiscal o contable"), default=False)
    plazo_tramite = models.PositiveSmallIntegerField(
        _("plazo en archivo de trámite (años)")
    )
    plazo_concentracion = models.PositiveSmallIntegerField(
        _("plazo en archivo de concentración (años)"), default=0
    )
    destino_final = models.CharField(
        _("destino final"), max_length=10, choices=DESTINOS, default=BAJA
    )
    soporte = models.CharField(
        _("soporte"), max_length=12, choices=SOPORTES, default=ELECTRONICO
    )
    puesto_responsable = models.CharField(_("puesto responsable"), max_length=255)
    ubicacion = models.CharField(_("ubicación"), max_length=255)

    panels = [
        FieldRowPanel(
            [FieldPanel("fondo"), FieldPanel("seccion"), FieldPanel("serie")],
            heading=_("Código de clasificación"),
        ),
        FieldPanel("nombre"),
        FieldRowPanel(
            [
                FieldPanel("valor_administrativo"),
                FieldPanel("valor_legal"),
                FieldPanel("valor_fiscal"),
            ],
            heading=_("Valores documentales"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("plazo_tramite"), FieldPanel("plazo_concentracion")]
                ),
                FieldPanel("destino_final"),
            ],
            heading=_("Plazos de conservación"),
        ),
        FieldPanel("soporte"),
        FieldPanel("puesto_responsable"),
        FieldPanel("ubicacion"),
    ]
    search_fields = [
        index.SearchField("nombre"),
        index.AutocompleteField("nombre"),
        index.SearchField("serie"),
    ]

    class Meta:
        verbose_name = _("serie documental")
        verbose_name_plural = _("series documentales")
        ordering = ["fondo", "seccion", "serie"]
        constraints = [
            models.UniqueConstraint(
                fields=["fondo", "seccion", "serie"], name="codigo_de_serie_unico"
            )
        ]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"

    @property
    def codigo(self):
        """The full classification code, e.g. "CETEC/4C/4C.3"."""
        return f"{self.fondo}/{self.seccion}/{self.serie}"

    @property
    def valores(self):
        """The documentary values, as the catalogue lists them."""
        nombres = [
            (self.valor_administrativo, _("administrativo")),
            (self.valor_legal, _("legal")),
            (self.valor_fiscal, _("fiscal-contable")),
        ]
        return ", ".join(str(nombre) for tiene, nombre in nombres if tiene)

    @classmethod
    def por_codigo(cls, codigo):
        """The series with code ``fondo/seccion/serie`` or bare ``serie``; or None."""
        partes = codigo.split("/")
        if len(partes) == 3:
            filtro = dict(zip(("fondo", "seccion", "serie"), partes, strict=True))
        else:
            filtro = {"serie": codigo}
        return cls.objects.filter(**filtro).first()


def tipos_registrables():
    """Only content types that registered with archivo can be assigned a series."""
    tipos = ContentType.objects.get_for_models(*(r.modelo for r in registrados()))
    return Q(pk__in=[t.pk for t in tipos.values()])


@register_snippet
class AsignacionSerie(models.Model):
    """The series a content type, or one item of it, files its records under.

    Without ``object_id`` it replaces the series the content type registered with;
    with it, it classifies that single item differently.
    """

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("tipo de contenido"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=tipos_registrables,
    )
    object_id = models.CharField(
        _("elemento"),
        max_length=64,
        blank=True,
        help_text=_(
            "Identificador del elemento (el de su registro). Vacío: todos los "
            "elementos de este tipo."
        ),
    )
    serie = models.ForeignKey(
        SerieDocumental,
        verbose_name=_("serie documental"),
        on_delete=models.PROTECT,
        related_name="asignaciones",
    )

    panels = [FieldPanel("content_type"), FieldPanel("object_id"), FieldPanel("serie")]

    class Meta:
        verbose_name = _("asignación de serie")
        verbose_name_plural = _("asignaciones de serie")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="una_serie_por_elemento"
            )
        ]

    def __str__(self):
        elemento = self.object_id or _("todos")
        return f"{self.content_type.name} ({elemento}) → {self.serie}"
