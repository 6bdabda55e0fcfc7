"""The institution's media: images and documents with credit, and the videos section."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.consulta import entero

from .panels import ProcesamientoPanel


class DatosDeMedio(models.Model):
    """What the office records of every photo and document: who, licence, origin."""

    credito = models.CharField(
        _("crédito"),
        max_length=255,
        blank=True,
        help_text=_("Autor o fuente, como se publicará."),
    )
    licencia = models.CharField(
        _("licencia"),
        max_length=120,
        blank=True,
        default="Todos los derechos reservados",
        help_text=_("Por ejemplo: «Todos los derechos reservados», «CC BY 4.0»."),
    )
    fecha = models.DateField(_("fecha de toma o elaboración"), null=True, blank=True)
    area = models.ForeignKey(
        "home.Area",
        verbose_name=_("área o plantel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publico = models.BooleanField(
        _("mostrar en la mediateca pública"),
        default=False,
        help_text=_(
            "Las imágenes de páginas publicadas aparecen solas; marca esta casilla "
            "para mostrar también una que no esté en ninguna página."
        ),
    )

    class Meta:
        abstract = True


class Imagen(DatosDeMedio, AbstractImage):
    """A photo or graphic of the institution; ``description`` is its alt text."""

    personas = models.BooleanField(_("aparecen personas identificables"), default=False)
    consentimiento = models.BooleanField(
        _("se cuenta con el consentimiento de las personas"),
        default=False,
        help_text=_("Obligatorio cuando aparecen personas identificables."),
    )

    admin_form_fields = Image.admin_form_fields + (
        "credito",
        "licencia",
        "fecha",
        "area",
        "personas",
        "consentimiento",
        "publico",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("imagen")
        verbose_name_plural = _("imágenes")

    def __str__(self):
        return self.title

    @property
    def alt(self):
        """The alt text a template should use."""
        return self.description or self.title


class ImagenRendition(AbstractRendition):
    """A resized copy of an :class:`Imagen`."""

    image = models.ForeignKey(
        Imagen, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Documento(DatosDeMedio, AbstractDocument):
    """A document of the institution (PDF, office file, subtitles)."""

    admin_form_fields = Document.admin_form_fields + (
        "credito",
        "licencia",
        "fecha",
        "area",
        "publico",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("documento")
        verbose_name_plural = _("documentos")

    def __str__(self):
        return self.title


class FiltrosDeMedios:
    """Área and year from the query string, for the gallery and the videoteca."""

    def __init__(self, params):
        self.area = (params.get("area") or "").strip()
        # Years Python's dates can hold: a negative or huge year used to be a 500.
        self.anio = entero(params, "anio", minimo=1, maximo=9999)

    def aplicar(self, consulta, campo_anio):
        if self.area:
            consulta = consulta.filter(area__slug=self.area)
        if self.anio:
            consulta = consulta.annotate(anio=campo_anio).filter(anio=self.anio)
        return consulta


def imagenes_publicas():
    """Images used by a live page (per Wagtail's reference index) or marked public.

    Drafts and embargoed pages are not live, so their photos stay out.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast
    from wagtail.models import ReferenceIndex

    vivas = Page.objects.live().annotate(clave=Cast("pk", CharField())).values("clave")
    usadas = (
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(Imagen),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=vivas,
        )
        .annotate(imagen=Cast("to_object_id", models.IntegerField()))
        .values("imagen")
    )
    return Imagen.objects.filter(Q(publico=True) | Q(pk__in=usadas))


class GaleriaPage(Page):
    """The public photo gallery: published photos with their credit and licence."""

    intro = RichTextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    por_pagina = 24

    class Meta:
        verbose_name = _("galería de fotos")
        verbose_name_plural = _("galerías de fotos")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator
        from django.db.models.functions import Coalesce, ExtractYear

        from home.models import Area

        context = super().get_context(request, *args, **kwargs)
        filtros = FiltrosDeMedios(request.GET)
        anio = Coalesce(ExtractYear("fecha"), ExtractYear("created_at"))
        publicas = imagenes_publicas()
        fotos = (
            filtros.aplicar(publicas, anio)
            .select_related("area")
            .prefetch_related("renditions")
            .order_by("-fecha", "-created_at", "-pk")
        )
        context.update(
            fotos=Paginator(fotos, self.por_pagina).get_page(request.GET.get("pagina")),
            filtros=filtros,
            areas=Area.objects.filter(pk__in=publicas.values("area")),
            anios=sorted(
                set(publicas.annotate(anio=anio).values_list("anio", flat=True)),
                reverse=True,
            ),
        )
        return context


@register_snippet
class Musica(models.Model):
    """The music register: only royalty-free tracks, each with its proof."""

    pista = models.CharField(_("pista"), max_length=255)
    autor = models.CharField(_("autor"), max_length=255)
    licencia = models.CharField(
        _("licencia"),
        max_length=255,
        help_text=_("Por ejemplo: «Creative Commons BY 4.0», «Dominio público»."),
    )
    comprobante = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("comprobante de licencia libre"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Documento que prueba que la pista es libre de regalías."),
    )

    panels = [
        FieldPanel("pista"),
        FieldPanel("autor"),
        FieldPanel("licencia"),
        FieldPanel("comprobante"),
    ]

    class Meta:
        verbose_name = _("pista musical")
        verbose_name_plural = _("registro de música")
        ordering = ["pista"]

    def __str__(self):
        return f"{self.pista} — {self.autor} ({self.licencia})"


class VideoIndexPage(Page):
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
        from django.db.models.functions import ExtractYear

        from home.models import Area

        context = super().get_context(request, *args, **kwargs)
        filtros = FiltrosDeMedios(request.GET)
        vivos = VideoPage.objects.live().child_of(self)
        context.update(
            videos=filtros.aplicar(vivos, ExtractYear("first_published_at"))
            .select_related("area")
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


class VideoPageForm(WagtailAdminPageForm):
    """The master file is checked by ffprobe, not by its name."""

    def clean_archivo_maestro(self):
        archivo = self.cleaned_data.get("archivo_maestro")
        if isinstance(archivo, UploadedFile):  # a new upload, not the stored file
            if getattr(archivo, "size", 0) > settings.VIDEO_MAX_UPLOAD_SIZE:
                raise ValidationError(
                    _("El video pesa más de %(mb)s MB, el máximo permitido.")
                    % {"mb": settings.VIDEO_MAX_UPLOAD_SIZE // 2**20}
                )
            from .video import VideoInvalido, analizar_subida

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


class VideoPage(Page):
    """An institutional video: the master file, its approval preview and finals."""

    PLANEADOS = [("testimonial", _("Testimonial")), ("efemeride", _("Efeméride"))]
    EXTEMPORANEOS = [
        ("evento", _("Evento")),
        ("visita", _("Visita")),
        ("boletin", _("Boletín")),
        ("capacitacion", _("Capacitación")),
    ]
    TIPOS = [(_("Planeado"), PLANEADOS), (_("Extemporáneo"), EXTEMPORANEOS)]
    SIN_LOGO = {"boletin"}  # procedure P01: boletín videos carry no logo

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
