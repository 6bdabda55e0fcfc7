"""Campus compliance (CECyTE): central instructions and the enlaces' evidence."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel


class Instruccion(ClusterableModel):
    """What the central office asked the campuses to post, and by when."""

    titulo = models.CharField(_("instrucción"), max_length=255)
    fecha = models.DateField(_("fecha"), default=timezone.localdate)
    descripcion = models.TextField(_("descripción"), blank=True)
    campana = models.ForeignKey(
        "campanas.CampanaPage",
        verbose_name=_("campaña"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    planteles = ParentalManyToManyField(
        "home.PlantelPage",
        verbose_name=_("planteles"),
        related_name="+",
        help_text=_("A qué planteles va dirigida."),
    )

    panels = [
        FieldPanel("titulo"),
        FieldPanel("fecha"),
        FieldPanel("descripcion"),
        FieldPanel("campana"),
        FieldPanel("planteles", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("instrucción a planteles")
        verbose_name_plural = _("instrucciones a planteles")
        ordering = ["-fecha", "titulo"]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y} — {self.titulo}"


class ReporteCumplimiento(models.Model):
    """A campus enlace's evidence report: what was posted, with links or files."""

    plantel = models.ForeignKey(
        "home.PlantelPage",
        verbose_name=_("plantel"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    instruccion = models.ForeignKey(
        Instruccion,
        verbose_name=_("instrucción que atiende"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reportes",
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    fecha = models.DateField(_("fecha"), default=timezone.localdate)
    descripcion = models.CharField(_("descripción breve"), max_length=255)
    observaciones = models.TextField(_("observaciones"), blank=True)
    enlaces = models.TextField(
        _("enlaces"), blank=True, help_text=_("Una dirección por renglón.")
    )
    adjunto = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("archivo adjunto"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldPanel("plantel"),
        FieldPanel("instruccion"),
        FieldPanel("fecha"),
        FieldPanel("descripcion"),
        FieldPanel("observaciones"),
        FieldPanel("enlaces"),
        FieldPanel("adjunto"),
    ]

    class Meta:
        verbose_name = _("reporte de evidencias de plantel")
        verbose_name_plural = _("reportes de evidencias de plantel")
        ordering = ["-fecha", "-pk"]

    def __str__(self):
        return f"{self.plantel} — {self.descripcion}"

    def clean(self):
        if not (self.enlaces.strip() or self.adjunto_id):
            raise ValidationError(
                _("Agrega al menos un enlace o un archivo como evidencia.")
            )
        validar = URLValidator(schemes=["http", "https"])
        for renglon in filter(None, map(str.strip, self.enlaces.splitlines())):
            try:
                validar(renglon)
            except ValidationError as error:
                raise ValidationError(
                    {
                        "enlaces": _("«%(url)s» no es una dirección web.")
                        % {"url": renglon}
                    }
                ) from error
