"""How each source's CSV export maps onto a mention's fields."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# The fields a CSV may fill, and whether every row needs them.
CAMPOS_CSV = [
    ("fecha", _("Fecha y hora"), True),
    ("texto", _("Texto"), True),
    ("autor", _("Autor público"), False),
    ("url", _("Dirección"), False),
    ("cuenta", _("Cuenta o publicación"), False),
    ("medio", _("Medio (nombre en el directorio)"), False),
    ("tipo", _("Tipo"), False),
    ("sentimiento", _("Sentimiento"), False),
    ("tema", _("Tema"), False),
]


class FormatoImportacion(models.Model):
    """A source's CSV layout: which header holds each field, and the date format."""

    nombre = models.CharField(_("fuente"), max_length=120, unique=True)
    medio = models.ForeignKey(
        "monitoreo.Medio",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("medio de todas las filas"),
        help_text=_("Si el archivo no trae columna de medio."),
    )
    formato_fecha = models.CharField(
        _("formato de fecha"),
        max_length=40,
        default="%d/%m/%Y %H:%M",
        help_text=_("Como en Python: %d/%m/%Y %H:%M es 23/11/2026 09:15."),
    )
    separador = models.CharField(_("separador"), max_length=1, default=",")
    col_fecha = models.CharField(_("columna de fecha"), max_length=120)
    col_texto = models.CharField(_("columna de texto"), max_length=120)
    col_autor = models.CharField(_("columna de autor"), max_length=120, blank=True)
    col_url = models.CharField(_("columna de dirección"), max_length=120, blank=True)
    col_cuenta = models.CharField(_("columna de cuenta"), max_length=120, blank=True)
    col_medio = models.CharField(_("columna de medio"), max_length=120, blank=True)
    col_tipo = models.CharField(_("columna de tipo"), max_length=120, blank=True)
    col_sentimiento = models.CharField(
        _("columna de sentimiento"), max_length=120, blank=True
    )
    col_tema = models.CharField(_("columna de tema"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("nombre"), FieldPanel("medio")]),
        FieldRowPanel([FieldPanel("formato_fecha"), FieldPanel("separador")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("col_fecha"), FieldPanel("col_texto")]),
                FieldRowPanel([FieldPanel("col_autor"), FieldPanel("col_url")]),
                FieldRowPanel([FieldPanel("col_cuenta"), FieldPanel("col_medio")]),
                FieldRowPanel(
                    [
                        FieldPanel("col_tipo"),
                        FieldPanel("col_sentimiento"),
                        FieldPanel("col_tema"),
                    ]
                ),
            ],
            heading=_("Columnas del archivo"),
        ),
    ]

    class Meta:
        verbose_name = _("formato de importación CSV")
        verbose_name_plural = _("formatos de importación CSV")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre

    def clean(self):
        if len(self.separador or "") != 1:
            raise ValidationError({"separador": _("Un solo carácter, como , o ;")})

    def columnas(self):
        """{field: header} for the fields this source fills."""
        return {
            campo: getattr(self, f"col_{campo}")
            for campo, _nombre, _obligatorio in CAMPOS_CSV
            if getattr(self, f"col_{campo}")
        }
