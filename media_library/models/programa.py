"""The video programme (003 P01 1.2, 2.1): each planned video, its producer,
interviews, raw material and state, from programmed to published."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from archivo.almacenamiento import almacen_privado

from ..widgets import ArchivoPrivadoInput


class ProgramaVideoQuerySet(models.QuerySet):
    def vencidos(self, hoy=None):
        """Not yet produced and past their due date."""
        hoy = hoy or timezone.localdate()
        return self.filter(
            estado__in=ProgramaVideo.PENDIENTES, fecha_compromiso__lt=hoy
        ).select_related("productor")


class ProgramaVideo(ClusterableModel):
    """A video the head programmed and assigned to a producer (P01 1.2)."""

    PLANEADO, EXTEMPORANEO = "planeado", "extemporaneo"
    TIPOS = [
        (PLANEADO, _("Planeado (testimonial, calendario de conmemoraciones)")),
        (EXTEMPORANEO, _("Extemporáneo (cobertura, visita, boletín, capacitación)")),
    ]
    PROGRAMADO, EN_PRODUCCION, EN_REVISION, PRODUCIDO, PUBLICADO = (
        "programado",
        "produccion",
        "revision",
        "producido",
        "publicado",
    )
    ESTADOS = [
        (PROGRAMADO, _("Programado")),
        (EN_PRODUCCION, _("En producción")),
        (EN_REVISION, _("En revisión")),
        (PRODUCIDO, _("Producido (finales hechos)")),
        (PUBLICADO, _("Publicado")),
    ]
    PENDIENTES = (PROGRAMADO, EN_PRODUCCION, EN_REVISION)
    # Forward one step; a review that asks for changes sends it back to production.
    SIGUIENTES = {
        PROGRAMADO: {EN_PRODUCCION},
        EN_PRODUCCION: {EN_REVISION},
        EN_REVISION: {EN_PRODUCCION, PRODUCIDO},
        PRODUCIDO: {PUBLICADO},
        PUBLICADO: set(),
    }

    tema = models.CharField(_("tema"), max_length=255)
    tipo = models.CharField(_("tipo"), max_length=12, choices=TIPOS, default=PLANEADO)
    solicitado_por = models.CharField(
        _("solicitado por"),
        max_length=255,
        help_text=_("Unidad administrativa o persona que lo pidió."),
    )
    productor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("productor asignado"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos_programados",
    )
    fecha_compromiso = models.DateField(_("fecha de entrega"))
    descripcion = models.TextField(_("descripción"), blank=True)
    video = models.ForeignKey(
        "media_library.VideoPage",
        verbose_name=_("video en la videoteca"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programas",
        help_text=_("La página del video, en cuanto se redacta."),
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=ESTADOS, default=PROGRAMADO, db_index=True
    )
    producido_en = models.DateTimeField(
        _("producido el"), null=True, blank=True, editable=False
    )
    publicado_en = models.DateTimeField(
        _("publicado el"), null=True, blank=True, editable=False
    )
    creado_en = models.DateTimeField(_("programado el"), auto_now_add=True)

    objects = ProgramaVideoQuerySet.as_manager()

    panels = [
        FieldPanel("tema"),
        FieldRowPanel([FieldPanel("tipo"), FieldPanel("estado")]),
        FieldRowPanel([FieldPanel("solicitado_por"), FieldPanel("productor")]),
        FieldPanel("fecha_compromiso"),
        FieldPanel("descripcion"),
        FieldPanel("video"),
        MultiFieldPanel(
            [InlinePanel("entrevistados", label=_("Entrevistado"))],
            heading=_("Entrevistas (P01 2.1)"),
        ),
        MultiFieldPanel(
            [InlinePanel("materiales", label=_("Material en bruto"))],
            heading=_("Material en bruto (P01 2.2, 4.1)"),
        ),
    ]

    class Meta:
        verbose_name = _("video programado")
        verbose_name_plural = _("programa de videos")
        ordering = ["fecha_compromiso", "pk"]
        permissions = [
            ("programar_video", _("Programar videos y asignar productores")),
        ]

    def __str__(self):
        return self.tema

    @property
    def vencido(self):
        return (
            self.estado in self.PENDIENTES
            and self.fecha_compromiso < timezone.localdate()
        )

    def clean(self):
        anterior = (
            ProgramaVideo.objects.filter(pk=self.pk)
            .values_list("estado", flat=True)
            .first()
        )
        if anterior and self.estado not in {anterior, *self.SIGUIENTES[anterior]}:
            raise ValidationError(
                {
                    "estado": _("De «%(de)s» no se pasa a «%(a)s».")
                    % {
                        "de": dict(self.ESTADOS)[anterior],
                        "a": dict(self.ESTADOS)[self.estado],
                    }
                }
            )
        if self.estado == self.PUBLICADO and not self.video_id:
            raise ValidationError(
                {"video": _("Un video publicado enlaza su página en la videoteca.")}
            )

    def save(self, *args, **kwargs):
        # The moment the finals were made is what P01's indicator counts.
        if self.estado in (self.PRODUCIDO, self.PUBLICADO) and not self.producido_en:
            self.producido_en = timezone.now()
        if self.estado == self.PUBLICADO and not self.publicado_en:
            self.publicado_en = timezone.now()
        super().save(*args, **kwargs)


class Entrevistado(Orderable):
    """Someone to interview for a programmed video, when and where (P01 2.1)."""

    programa = ParentalKey(
        ProgramaVideo, on_delete=models.CASCADE, related_name="entrevistados"
    )
    nombre = models.CharField(_("nombre"), max_length=255)
    cargo = models.CharField(_("cargo"), max_length=255, blank=True)
    fecha = models.DateTimeField(_("fecha y hora"))
    lugar = models.CharField(_("lugar"), max_length=255)

    panels = [
        FieldRowPanel([FieldPanel("nombre"), FieldPanel("cargo")]),
        FieldRowPanel([FieldPanel("fecha"), FieldPanel("lugar")]),
    ]

    def __str__(self):
        return self.nombre


class MaterialBruto(Orderable):
    """Raw footage or audio for a video, kept in the private storage (P01 2.2)."""

    programa = ParentalKey(
        ProgramaVideo, on_delete=models.CASCADE, related_name="materiales"
    )
    archivo = models.FileField(
        _("archivo"), upload_to="videos/material/%Y/%m/", storage=almacen_privado
    )
    descripcion = models.CharField(_("descripción"), max_length=255, blank=True)

    panels = [
        FieldPanel("archivo", widget=ArchivoPrivadoInput),
        FieldPanel("descripcion"),
    ]

    def __str__(self):
        return self.descripcion or self.archivo.name
