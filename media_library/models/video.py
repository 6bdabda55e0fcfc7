"""The videoteca, the video page, its renditions and its processing jobs."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.administracion.titulo import FormularioConTitulo
from cms.paginas import PublicaSoloPorFlujo
from home.models import Area

from ..ffprobe import VideoInvalido, analizar_subida
from ..panels import ProcesamientoPanel
from .medios import FiltrosDeMedios
from .musica import Musica


class VideoIndexPage(PublicaSoloPorFlujo, Page):
    """The videoteca: institutional videos are published under it."""

    intro = RichTextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["media_library.VideoPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sección de videos")
        verbose_name_plural = _("secciones de videos")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filtros = FiltrosDeMedios(request.GET)
        vivos = VideoPage.objects.live().child_of(self)
        context.update(
            videos=filtros.aplicar(vivos, ExtractYear("first_published_at"))
            .select_related("area", "musica")
            .prefetch_related("renditions")
            .order_by("-first_published_at"),
            filtros=filtros,
            areas=Area.objects.filter(pk__in=vivos.values("area")),
            anios=sorted(
                {d.year for d in vivos.dates("first_published_at", "year")},
                reverse=True,
            ),
        )
        return context


class VideoPageForm(FormularioConTitulo):
    """The master file is checked by ffprobe, not by its name."""

    def clean_archivo_maestro(self):
        archivo = self.cleaned_data.get("archivo_maestro")
        if isinstance(archivo, UploadedFile):  # a new upload, not the stored file
            if getattr(archivo, "size", 0) > settings.VIDEO_MAX_UPLOAD_SIZE:
                raise ValidationError(
                    _("El video pesa más de %(mb)s MB, el máximo permitido.")
                    % {"mb": settings.VIDEO_MAX_UPLOAD_SIZE // 2**20}
                )
            try:
                self.metadatos = analizar_subida(archivo)
            except VideoInvalido as error:
                raise ValidationError(str(error)) from error
        return archivo

    def save(self, commit=True):
        pagina = super().save(commit=False)
        for campo, valor in getattr(self, "metadatos", {}).items():
            setattr(pagina, campo, valor)
        if commit:
            pagina.save()
        return pagina


def validar_webvtt(archivo):
    """A WebVTT file starts with "WEBVTT" and is UTF-8 text."""
    archivo.seek(0)
    inicio = archivo.read(64 * 1024)
    archivo.seek(0)
    try:
        texto = inicio.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Los subtítulos deben ser un archivo WebVTT en UTF-8.")
        ) from error
    primera = texto.splitlines()[0] if texto else ""
    if not (primera == "WEBVTT" or primera.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(
            _("Los subtítulos deben ser WebVTT: el archivo empieza con «WEBVTT».")
        )
    if "-->" not in texto:
        raise ValidationError(
            _("El archivo de subtítulos no tiene ningún tiempo («00:00.000 --> …»).")
        )


class VideoPage(PublicaSoloPorFlujo, Page):
    """An institutional video: the master file, its approval preview and finals."""

    PLANEADOS = [("testimonial", _("Testimonial")), ("efemeride", _("Efeméride"))]
    EXTEMPORANEOS = [
        ("evento", _("Evento")),
        ("visita", _("Visita")),
        ("boletin", _("Boletín")),
        ("capacitacion", _("Capacitación")),
    ]
    TIPOS = [(_("Planeado"), PLANEADOS), (_("Extemporáneo"), EXTEMPORANEOS)]
    # 003 P01 Pol. 5: boletín videos carry no corner logo; the large closing logo
    # (P01 2.8) still ends them, as every video (media_library/pipeline.py).
    SIN_LOGO = {"boletin"}

    tipo = models.CharField(_("tipo de video"), max_length=20, choices=TIPOS)
    archivo_maestro = models.FileField(
        _("archivo maestro"),
        upload_to="videos/maestros/%Y/%m/",
        validators=[
            FileExtensionValidator(["mp4", "mov", "m4v", "mkv", "webm", "avi"])
        ],
        help_text=_(
            "El video editado en la mejor calidad disponible (MP4, MOV, MKV, WebM)."
        ),
    )
    descripcion = models.TextField(_("descripción"))
    voz_en_off = models.CharField(
        _("voz en off"), max_length=255, blank=True, help_text=_("Quién la hace.")
    )
    subtitulos = models.FileField(
        _("subtítulos (WebVTT)"),
        upload_to="videos/subtitulos/",
        blank=True,
        validators=[FileExtensionValidator(["vtt"]), validar_webvtt],
    )
    musica = models.ForeignKey(
        Musica,
        verbose_name=_("música de fondo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Solo pistas del registro de música (libres de regalías)."),
    )
    transcripcion = models.TextField(_("transcripción"), blank=True)
    area = models.ForeignKey(
        "home.Area",
        verbose_name=_("área o plantel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    relacionado = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("boletín o campaña relacionada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What ffprobe found in the master file (filled in by the form).
    duracion = models.FloatField(_("duración (s)"), null=True, editable=False)
    ancho = models.PositiveIntegerField(_("ancho"), null=True, editable=False)
    alto = models.PositiveIntegerField(_("alto"), null=True, editable=False)
    codec = models.CharField(_("códec"), max_length=40, blank=True, editable=False)
    contenedor = models.CharField(
        _("contenedor"), max_length=80, blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("tipo"),
        FieldPanel("archivo_maestro"),
        ProcesamientoPanel(heading=_("Vista previa y procesamiento")),
        FieldPanel("descripcion"),
        MultiFieldPanel(
            [FieldPanel("voz_en_off"), FieldPanel("subtitulos"), FieldPanel("musica")],
            heading=_("Audio y subtítulos"),
        ),
        FieldPanel("transcripcion"),
        FieldPanel("area"),
        PageChooserPanel(
            "relacionado", ["boletines.BoletinPage", "campanas.CampanaPage"]
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("descripcion"),
        index.SearchField("transcripcion"),
    ]
    parent_page_types = ["media_library.VideoIndexPage"]
    subpage_types = []
    base_form_class = VideoPageForm

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    @property
    def lleva_logo(self):
        """Whether the finals carry the corner logo for the whole video."""
        return self.tipo not in self.SIN_LOGO

    def rendiciones(self, *calidades):
        """This master file's renditions of ``calidades``, best first."""
        origen = self.archivo_maestro.name
        elegidas = [
            r
            for r in self.renditions.all()
            if r.origen == origen and r.calidad in calidades
        ]
        return sorted(elegidas, key=lambda r: -r.alto)

    @property
    def finales(self):
        return self.rendiciones(*VideoRendicion.FINALES)

    @property
    def vista_previa(self):
        previas = self.rendiciones(VideoRendicion.VISTA_PREVIA)
        return previas[0] if previas else None

    @property
    def poster(self):
        posters = self.rendiciones(VideoRendicion.POSTER)
        return posters[0] if posters else None

    @classmethod
    def recientes(cls, raiz, cantidad):
        """The latest live videos under ``raiz`` with their renditions, for home."""
        return (
            cls.objects.live()
            .descendant_of(raiz)
            .select_related("area")
            .prefetch_related("renditions")
            .order_by("-first_published_at", "-pk")[:cantidad]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The public sees only the approved final renditions; approvers in
        # preview mode watch the low-quality preview.
        if getattr(request, "is_preview", False):
            previa = self.vista_previa
            context["fuentes"] = [previa] if previa else []
        else:
            context["fuentes"] = self.finales
        return context


class VideoRendicion(models.Model):
    """A file the pipeline made from one master file: preview, finals, poster."""

    VISTA_PREVIA, P720, P1080, POSTER = "previa", "720p", "1080p", "poster"
    CALIDADES = [
        (VISTA_PREVIA, _("Vista previa (480p)")),
        (P720, _("Final 720p")),
        (P1080, _("Final 1080p")),
        (POSTER, _("Fotograma de portada")),
    ]
    FINALES = (P1080, P720)

    video = models.ForeignKey(
        VideoPage, on_delete=models.CASCADE, related_name="renditions"
    )
    origen = models.CharField(_("archivo maestro de origen"), max_length=255)
    calidad = models.CharField(_("calidad"), max_length=10, choices=CALIDADES)
    archivo = models.FileField(_("archivo"), upload_to="videos/rendiciones/%Y/%m/")
    ancho = models.PositiveIntegerField(_("ancho"))
    alto = models.PositiveIntegerField(_("alto"))
    con_logo = models.BooleanField(_("con logotipo"), default=False)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        verbose_name = _("rendición de video")
        verbose_name_plural = _("rendiciones de video")
        constraints = [
            models.UniqueConstraint(
                fields=["video", "origen", "calidad"], name="una_rendicion_por_calidad"
            )
        ]

    def __str__(self):
        return f"{self.video} — {self.get_calidad_display()}"

    @property
    def tipo_mime(self):
        return "image/jpeg" if self.calidad == self.POSTER else "video/mp4"


class TrabajoVideo(models.Model):
    """One run of the pipeline on one master file, with its progress and error."""

    VISTA_PREVIA, FINAL = "previa", "final"
    TIPOS = [(VISTA_PREVIA, _("Vista previa")), (FINAL, _("Versión final"))]
    EN_COLA, PROCESANDO, TERMINADO, FALLIDO = (
        "en_cola",
        "procesando",
        "terminado",
        "fallido",
    )
    ESTADOS = [
        (EN_COLA, _("En cola")),
        (PROCESANDO, _("Procesando")),
        (TERMINADO, _("Terminado")),
        (FALLIDO, _("Fallido")),
    ]
    ACTIVOS = (EN_COLA, PROCESANDO)

    video = models.ForeignKey(
        VideoPage, on_delete=models.CASCADE, related_name="trabajos"
    )
    origen = models.CharField(_("archivo maestro"), max_length=255)
    tipo = models.CharField(_("tipo"), max_length=10, choices=TIPOS)
    estado = models.CharField(
        _("estado"), max_length=12, choices=ESTADOS, default=EN_COLA
    )
    progreso = models.PositiveSmallIntegerField(_("progreso (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)
    iniciado = models.DateTimeField(_("iniciado"), null=True, blank=True)
    terminado = models.DateTimeField(_("terminado"), null=True, blank=True)

    class Meta:
        verbose_name = _("procesamiento de video")
        verbose_name_plural = _("procesamientos de video")
        ordering = ["-creado"]
        permissions = [("reintentar_trabajo", _("Puede reintentar un procesamiento"))]
        constraints = [
            # A video is never processed twice at once for the same result.
            models.UniqueConstraint(
                fields=["video", "origen", "tipo"],
                condition=models.Q(estado__in=["en_cola", "procesando"]),
                name="un_trabajo_activo_por_video",
            )
        ]

    def __str__(self):
        return f"{self.get_tipo_display()} de «{self.video}»"
