"""Channelling to the áreas: their contacts, the deadlines and the interviews."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class ResponsableArea(models.Model):
    """A person of an área who receives and answers what is channelled to it.

    With a user, that person answers in the system (role «Áreas responsables»);
    an address alone only receives the e-mail.
    """

    area = models.ForeignKey(
        "home.Area",
        on_delete=models.CASCADE,
        related_name="responsables_de_monitoreo",
        verbose_name=_("área"),
    )
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="areas_responsables",
        verbose_name=_("usuario"),
    )
    nombre = models.CharField(_("nombre"), max_length=255)
    puesto = models.CharField(_("puesto"), max_length=255, blank=True)
    correo = models.EmailField(_("correo electrónico"))
    telefono = models.CharField(_("teléfono"), max_length=60, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("area"), FieldPanel("usuario")]),
        FieldRowPanel([FieldPanel("nombre"), FieldPanel("puesto")]),
        FieldRowPanel([FieldPanel("correo"), FieldPanel("telefono")]),
    ]

    class Meta:
        verbose_name = _("responsable de área")
        verbose_name_plural = _("responsables de área")
        ordering = ["area__nombre", "nombre"]

    def __str__(self):
        return f"{self.nombre} ({self.area})"


class DiaInhabil(models.Model):
    """A non-working day the institution adds to the Mexican official holidays."""

    fecha = models.DateField(_("fecha"), unique=True)
    motivo = models.CharField(_("motivo"), max_length=255)

    panels = [FieldPanel("fecha"), FieldPanel("motivo")]

    class Meta:
        verbose_name = _("día inhábil de la institución")
        verbose_name_plural = _("días inhábiles de la institución")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y} {self.motivo}"


class PlazoTipo(models.Model):
    """How many business days an área has to answer each type of mention."""

    tipo = models.CharField(_("tipo de mención"), max_length=20, unique=True)
    dias_habiles = models.PositiveSmallIntegerField(_("días hábiles para responder"))

    panels = [FieldPanel("tipo"), FieldPanel("dias_habiles")]

    class Meta:
        verbose_name = _("plazo por tipo")
        verbose_name_plural = _("plazos por tipo")

    def __str__(self):
        return f"{self.tipo}: {self.dias_habiles}"

    def clean(self):
        if self.dias_habiles == 0:
            raise ValidationError(
                {"dias_habiles": _("El plazo es de al menos un día hábil.")}
            )


class Entrevista(models.Model):
    """An interview or clarification requested of an outlet about a mention (P03)."""

    mencion = models.ForeignKey(
        "monitoreo.Mencion", on_delete=models.CASCADE, related_name="entrevistas"
    )
    medio = models.ForeignKey(
        "monitoreo.Medio", on_delete=models.PROTECT, verbose_name=_("medio")
    )
    fecha = models.DateTimeField(_("fecha"))
    vocero = models.CharField(_("vocero"), max_length=255)
    notas = models.TextField(_("notas"), blank=True)
    grabacion = models.FileField(
        _("grabación"), upload_to="monitoreo/entrevistas/", blank=True
    )

    panels = [
        FieldPanel("mencion"),
        FieldRowPanel([FieldPanel("medio"), FieldPanel("fecha")]),
        FieldPanel("vocero"),
        FieldPanel("notas"),
        FieldPanel("grabacion"),
    ]

    class Meta:
        verbose_name = _("entrevista o aclaración")
        verbose_name_plural = _("entrevistas y aclaraciones")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.medio} {self.fecha:%d/%m/%Y} — {self.vocero}"
