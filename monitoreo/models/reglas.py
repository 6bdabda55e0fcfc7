"""Keyword rules that classify new mentions (and, on request, existing ones)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .menciones import ORIGENES, SENTIMIENTOS, TIPOS, normalizar_texto


class Regla(models.Model):
    """If the text contains the phrase, set type, sentiment, topic and área."""

    nombre = models.CharField(_("nombre"), max_length=255)
    frase = models.CharField(
        _("palabra o frase"),
        max_length=255,
        help_text=_("Sin distinguir mayúsculas ni acentos."),
    )
    origen = models.CharField(
        _("solo para el origen"),
        max_length=10,
        choices=ORIGENES,
        blank=True,
        help_text=_("Vacío: para todas las menciones."),
    )
    medio = models.ForeignKey(
        "monitoreo.Medio",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("solo para el medio"),
    )
    tipo = models.CharField(_("tipo"), max_length=20, choices=TIPOS, blank=True)
    sentimiento = models.CharField(
        _("sentimiento"), max_length=10, choices=SENTIMIENTOS, blank=True
    )
    tema = models.CharField(_("tema"), max_length=120, blank=True)
    area = models.ForeignKey(
        "home.Area",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("área responsable"),
    )
    orden = models.PositiveSmallIntegerField(
        _("orden"), default=100, help_text=_("La primera que coincide se aplica.")
    )
    activa = models.BooleanField(_("activa"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("nombre"), FieldPanel("frase")]),
        FieldRowPanel([FieldPanel("origen"), FieldPanel("medio")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tipo"), FieldPanel("sentimiento")]),
                FieldRowPanel([FieldPanel("tema"), FieldPanel("area")]),
            ],
            heading=_("Lo que asigna"),
        ),
        FieldRowPanel([FieldPanel("orden"), FieldPanel("activa")]),
    ]

    class Meta:
        verbose_name = _("regla de clasificación")
        verbose_name_plural = _("reglas de clasificación")
        ordering = ["orden", "pk"]

    def __str__(self):
        return f"{self.nombre} («{self.frase}»)"

    def clean(self):
        if not normalizar_texto(self.frase):
            raise ValidationError({"frase": _("Escribe una palabra o frase.")})
        if not (self.tipo or self.sentimiento or self.tema or self.area_id):
            raise ValidationError(
                _("La regla debe asignar al menos tipo, sentimiento, tema o área.")
            )

    def coincide(self, mencion, texto_normalizado=None):
        if self.origen and mencion.origen != self.origen:
            return False
        if self.medio_id and mencion.medio_id != self.medio_id:
            return False
        texto = texto_normalizado or normalizar_texto(mencion.texto)
        return normalizar_texto(self.frase) in texto
