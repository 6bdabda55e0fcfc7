"""The media directory and the monitoring roster (ISSSTESON P03, «rol de monitoreo»)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

DIAS = [
    (0, _("lunes")),
    (1, _("martes")),
    (2, _("miércoles")),
    (3, _("jueves")),
    (4, _("viernes")),
    (5, _("sábado")),
    (6, _("domingo")),
]


class Medio(ClusterableModel):
    """An outlet the office watches: newspaper, station, channel, portal or account."""

    PRENSA, RADIO, TV, PORTAL, RED = "prensa", "radio", "television", "portal", "red"
    TIPOS = [
        (PRENSA, _("Prensa escrita")),
        (RADIO, _("Radio")),
        (TV, _("Televisión")),
        (PORTAL, _("Portal de noticias")),
        (RED, _("Red social")),
    ]

    nombre = models.CharField(_("nombre"), max_length=255, unique=True)
    tipo = models.CharField(_("tipo"), max_length=12, choices=TIPOS)
    url = models.URLField(_("dirección web"), blank=True)
    feed = models.URLField(
        _("canal RSS o Atom"),
        blank=True,
        help_text=_("Si el portal publica un canal, el sistema lo revisa cada hora."),
    )
    telefono = models.CharField(_("teléfono"), max_length=60, blank=True)
    correo = models.EmailField(_("correo electrónico"), blank=True)
    conductor = models.CharField(_("conductor o editor"), max_length=255, blank=True)
    productor = models.CharField(_("productor"), max_length=255, blank=True)
    activo = models.BooleanField(_("activo"), default=True)
    # The feed's validators from its last answer (conditional GET).
    feed_etag = models.CharField(max_length=255, blank=True, editable=False)
    feed_modificado = models.CharField(max_length=255, blank=True, editable=False)
    feed_revisado_en = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("nombre"), FieldPanel("tipo")]),
        MultiFieldPanel(
            [
                FieldPanel("conductor"),
                FieldPanel("productor"),
                FieldRowPanel([FieldPanel("telefono"), FieldPanel("correo")]),
            ],
            heading=_("Contacto"),
        ),
        FieldRowPanel([FieldPanel("url"), FieldPanel("feed")]),
        FieldPanel("activo"),
        InlinePanel(
            "programas", heading=_("Programas y horarios"), label=_("programa")
        ),
    ]

    class Meta:
        verbose_name = _("medio")
        verbose_name_plural = _("directorio de medios")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class Programa(Orderable):
    """A programme or section of an outlet, with its days and hours."""

    medio = ParentalKey(Medio, on_delete=models.CASCADE, related_name="programas")
    nombre = models.CharField(_("programa o sección"), max_length=255)
    dias = models.CharField(
        _("días"),
        max_length=20,
        blank=True,
        help_text=_("Números de día separados por comas: 0 lunes … 6 domingo."),
    )
    hora_inicio = models.TimeField(_("de"), null=True, blank=True)
    hora_fin = models.TimeField(_("a"), null=True, blank=True)
    conductor = models.CharField(_("conductor"), max_length=255, blank=True)
    productor = models.CharField(_("productor"), max_length=255, blank=True)
    telefono = models.CharField(_("teléfono de cabina"), max_length=60, blank=True)

    panels = [
        FieldPanel("nombre"),
        FieldRowPanel(
            [FieldPanel("dias"), FieldPanel("hora_inicio"), FieldPanel("hora_fin")]
        ),
        FieldRowPanel(
            [FieldPanel("conductor"), FieldPanel("productor"), FieldPanel("telefono")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programa")
        verbose_name_plural = _("programas")

    def __str__(self):
        return f"{self.medio.nombre} — {self.nombre}"

    def clean(self):
        try:
            numeros = self.numeros_de_dia()
        except ValueError:
            numeros = [-1]
        if any(n not in range(7) for n in numeros):
            raise ValidationError(
                {"dias": _("Escribe días del 0 (lunes) al 6 (domingo), con comas.")}
            )

    def numeros_de_dia(self):
        return [int(d) for d in self.dias.replace(" ", "").split(",") if d]


class AsignacionMonitoreo(models.Model):
    """Who watches which outlet (or programme) on which weekday and hours."""

    monitorista = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="asignaciones_de_monitoreo",
        verbose_name=_("responsable del monitoreo"),
    )
    medio = models.ForeignKey(
        Medio, on_delete=models.CASCADE, related_name="asignaciones"
    )
    programa = models.ForeignKey(
        Programa,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="asignaciones",
        help_text=_("Vacío: todo el medio."),
    )
    dia = models.PositiveSmallIntegerField(_("día"), choices=DIAS)
    hora_inicio = models.TimeField(_("de"))
    hora_fin = models.TimeField(_("a"))

    panels = [
        FieldPanel("monitorista"),
        FieldRowPanel([FieldPanel("medio"), FieldPanel("programa")]),
        FieldRowPanel(
            [FieldPanel("dia"), FieldPanel("hora_inicio"), FieldPanel("hora_fin")]
        ),
    ]

    class Meta:
        verbose_name = _("asignación de monitoreo")
        verbose_name_plural = _("rol de monitoreo")
        ordering = ["dia", "hora_inicio"]

    def __str__(self):
        return f"{self.get_dia_display()} {self.hora_inicio:%H:%M}: {self.medio}"

    def clean(self):
        if self.hora_inicio and self.hora_fin and self.hora_fin <= self.hora_inicio:
            raise ValidationError(
                {"hora_fin": _("La hora final debe ser posterior a la inicial.")}
            )
        if (
            self.programa_id
            and self.medio_id
            and self.programa.medio_id != self.medio_id
        ):
            raise ValidationError(
                {"programa": _("El programa no pertenece a ese medio.")}
            )

    @classmethod
    def de_hoy(cls, usuario, hoy):
        """What ``usuario`` watches on ``hoy``'s weekday, in order of hour."""
        return (
            cls.objects.filter(monitorista=usuario, dia=hoy.weekday())
            .select_related("medio", "programa")
            .order_by("hora_inicio")
        )
