"""The daily síntesis informativa: scans, clippings, the day's digest and its control
(ISSSTESON P04).

A clipping (:class:`Recorte`) is a press item the síntesis selects: from a scanned
page (:class:`PaginaEscaneada`, kept 7 days unless a clipping uses it) or from a
portal. The day's :class:`Sintesis` is a snippet with drafts, revisions, locking
and the four-eyes workflow; its sending state lives in :class:`ControlSintesis`
(the manual's «Control de síntesis informativa») and :class:`EnvioSintesis`, so
publishing a revision never rewrites what the worker recorded.
"""

from datetime import datetime, time, timedelta
from io import BytesIO

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from PIL import Image
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from home.models import InstitucionSettings

from ..escaneos import PaginaEscaneadaForm
from .menciones import SENTIMIENTOS

INSTITUCION, SALUD_ESTATAL, SALUD_NACIONAL, SALUD_INTERNACIONAL, GENERAL, COLUMNAS = (
    "institucion",
    "salud_estatal",
    "salud_nacional",
    "salud_internacional",
    "general",
    "columnas",
)
# The manual's blocks, in the order the síntesis presents them (P04 steps 3 and 4).
BLOQUES = [
    (INSTITUCION, _("Institución")),
    (SALUD_ESTATAL, _("Salud estatal")),
    (SALUD_NACIONAL, _("Salud nacional")),
    (SALUD_INTERNACIONAL, _("Salud internacional")),
    (GENERAL, _("Información general")),
    (COLUMNAS, _("Columnas")),
]
ORDEN_DE_BLOQUES = {clave: n for n, (clave, _nombre) in enumerate(BLOQUES)}

MESES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def fecha_en_letra(fecha):
    """«02 de diciembre de 2026»: the date as the manual writes it in the title."""
    return f"{fecha:%d} de {MESES[fecha.month - 1]} de {fecha:%Y}"


def titulo_de(fecha):
    return f"Síntesis Informativa {fecha_en_letra(fecha)}"


def _recientes():
    """The clippings a síntesis can choose: those of the last week."""
    return Q(fecha__gte=timezone.localdate() - timedelta(days=7))


class PaginaEscaneada(models.Model):
    """A full newspaper page, scanned only to clip from; deleted after 7 days
    unless a clipping uses it (the manual keeps the paper 7 days)."""

    medio = models.ForeignKey(
        "monitoreo.Medio",
        on_delete=models.PROTECT,
        related_name="paginas_escaneadas",
        verbose_name=_("medio"),
    )
    fecha = models.DateField(_("fecha de la edición"), default=timezone.localdate)
    pagina = models.CharField(_("página"), max_length=20, blank=True)
    imagen = models.ImageField(
        _("página escaneada"),
        upload_to="monitoreo/escaneos/%Y/%m/",
        width_field="ancho",
        height_field="alto",
    )
    ancho = models.PositiveIntegerField(editable=False, default=0)
    alto = models.PositiveIntegerField(editable=False, default=0)
    subida_en = models.DateTimeField(_("subida"), auto_now_add=True, db_index=True)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("medio", widget=forms.Select),
                FieldPanel("fecha"),
                FieldPanel("pagina"),
            ]
        ),
        FieldRowPanel([FieldPanel("imagen"), FieldPanel("pagina_del_pdf")]),
    ]
    base_form_class = PaginaEscaneadaForm

    class Meta:
        verbose_name = _("página escaneada")
        verbose_name_plural = _("páginas escaneadas")
        ordering = ["-fecha", "medio__nombre", "pagina"]

    def __str__(self):
        pagina = _(", p. %(p)s") % {"p": self.pagina} if self.pagina else ""
        return f"{self.medio} {self.fecha:%d/%m/%Y}{pagina}"

    def save(self, *args, **kwargs):
        # A file saved by code (the demo, an import) has not set them yet.
        if self.imagen and not (self.ancho and self.alto):
            self.ancho, self.alto = get_image_dimensions(self.imagen)
        super().save(*args, **kwargs)


class Recorte(models.Model):
    """A clipping: a note of the press or a portal, classified for the síntesis."""

    medio = models.ForeignKey(
        "monitoreo.Medio",
        on_delete=models.PROTECT,
        related_name="recortes",
        verbose_name=_("medio"),
    )
    fecha = models.DateField(_("fecha"), default=timezone.localdate, db_index=True)
    seccion = models.CharField(_("sección"), max_length=120, blank=True)
    pagina = models.CharField(_("página"), max_length=20, blank=True)
    columnista = models.CharField(_("columnista o autor"), max_length=255, blank=True)
    titular = models.CharField(_("encabezado"), max_length=500)
    resumen = models.TextField(_("resumen"))
    # The clipped image: uploaded, or cut from a scanned page with the crop box.
    escaneo = models.ForeignKey(
        PaginaEscaneada,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recortes",
        verbose_name=_("página escaneada de la que se recorta"),
    )
    recorte_x = models.PositiveIntegerField(
        _("desde la izquierda (px)"), null=True, blank=True
    )
    recorte_y = models.PositiveIntegerField(
        _("desde arriba (px)"), null=True, blank=True
    )
    recorte_ancho = models.PositiveIntegerField(_("ancho (px)"), null=True, blank=True)
    recorte_alto = models.PositiveIntegerField(_("alto (px)"), null=True, blank=True)
    imagen = models.ImageField(
        _("imagen del recorte"),
        upload_to="monitoreo/recortes/%Y/%m/",
        blank=True,
        help_text=_(
            "Súbela ya recortada, o elige la página escaneada y marca el recuadro: "
            "el sistema la recorta al guardar."
        ),
    )
    # From a portal: its address and the captured text.
    url = models.URLField(_("dirección en el portal"), max_length=1000, blank=True)
    extracto = models.TextField(_("extracto capturado"), blank=True)
    # Classification
    bloque = models.CharField(_("bloque"), max_length=20, choices=BLOQUES)
    sentimiento = models.CharField(
        _("sentimiento"), max_length=10, choices=SENTIMIENTOS, blank=True
    )
    publicacion = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recortes_de_sintesis",
        verbose_name=_("publicación del instituto a la que se refiere"),
    )
    mencion = models.ForeignKey(
        "monitoreo.Mencion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recortes",
        verbose_name=_("mención de la bandeja de la que proviene"),
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    creado_en = models.DateTimeField(auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("medio", widget=forms.Select), FieldPanel("fecha")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("seccion"),
                        FieldPanel("pagina"),
                        FieldPanel("columnista"),
                    ]
                ),
            ],
            heading=_("Dónde y cuándo"),
        ),
        FieldPanel("titular"),
        FieldPanel("resumen"),
        MultiFieldPanel(
            [
                # The week's scans in a plain list: quicker than a chooser.
                FieldPanel("escaneo", widget=forms.Select),
                FieldRowPanel(
                    [
                        FieldPanel("recorte_x"),
                        FieldPanel("recorte_y"),
                        FieldPanel("recorte_ancho"),
                        FieldPanel("recorte_alto"),
                    ]
                ),
                FieldPanel("imagen"),
            ],
            heading=_("Imagen del recorte"),
        ),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("extracto")],
            heading=_("Nota de portal"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("bloque"), FieldPanel("sentimiento")]),
                FieldPanel("publicacion"),
                FieldPanel("mencion"),
            ],
            heading=_("Clasificación"),
        ),
    ]

    class Meta:
        verbose_name = _("recorte")
        verbose_name_plural = _("recortes")
        ordering = ["-fecha", "-pk"]

    def __str__(self):
        return f"{self.medio} {self.fecha:%d/%m/%Y}: {self.titular[:80]}"

    def save(self, *args, **kwargs):
        if self.caja and not self.imagen:
            self.recortar()
        super().save(*args, **kwargs)

    @property
    def caja(self):
        """The crop box (left, top, right, bottom), or None without a full one."""
        valores = (
            self.recorte_x,
            self.recorte_y,
            self.recorte_ancho,
            self.recorte_alto,
        )
        if any(v is None for v in valores) or not self.escaneo_id:
            return None
        x, y, ancho, alto = valores
        return (x, y, x + ancho, y + alto)

    def clean(self):
        super().clean()
        campos = ("recorte_x", "recorte_y", "recorte_ancho", "recorte_alto")
        puestos = [getattr(self, c) is not None for c in campos]
        if any(puestos) and not all(puestos):
            raise ValidationError(
                _("Escribe las cuatro medidas del recuadro, o ninguna.")
            )
        if all(puestos) and not self.escaneo_id:
            raise ValidationError(
                {"escaneo": _("Elige la página escaneada de la que se recorta.")}
            )
        caja, escaneo = self.caja, self.escaneo
        if (
            caja
            and escaneo.ancho
            and (caja[2] > escaneo.ancho or caja[3] > escaneo.alto)
        ):
            raise ValidationError(
                _("El recuadro sale de la página (%(a)s × %(b)s px).")
                % {"a": escaneo.ancho, "b": escaneo.alto}
            )
        if not (self.imagen or self.escaneo_id or self.url):
            raise ValidationError(
                _(
                    "Un recorte lleva su imagen, una página escaneada o la dirección "
                    "del portal."
                )
            )

    def recortar(self):
        """Cut the crop box out of the scanned page into :attr:`imagen`."""
        with self.escaneo.imagen.open("rb") as origen, Image.open(origen) as pagina:
            corte = pagina.convert("RGB").crop(self.caja)
            salida = BytesIO()
            corte.save(salida, "JPEG", quality=85)
        nombre = f"recorte-{self.escaneo_id}-{self.recorte_x}-{self.recorte_y}.jpg"
        self.imagen.save(nombre, ContentFile(salida.getvalue()), save=False)


class Sintesis(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """The day's síntesis informativa: its clippings, in the monitor's order.

    Monitoreo assembles it; the head of the unit authorises it through the
    four-eyes workflow; the approval (publication) sends it to the Director
    General's list.
    """

    fecha = models.DateField(_("fecha"), unique=True, default=timezone.localdate)
    nota = models.TextField(
        _("nota para la Dirección General"),
        blank=True,
        help_text=_("Aparece en la portada, bajo la fecha."),
    )

    panels = [
        FieldPanel("fecha"),
        FieldPanel("nota"),
        InlinePanel(
            "elementos",
            heading=_("Recortes, en el orden de la síntesis"),
            label=_("recorte"),
        ),
    ]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="sintesis")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="sintesis",
        for_concrete_model=False,
    )

    class Meta:
        verbose_name = _("síntesis informativa")
        verbose_name_plural = _("síntesis informativas")
        ordering = ["-fecha"]

    def __str__(self):
        return titulo_de(self.fecha)

    @property
    def title(self):
        """The title archivo gives the record."""
        return str(self)

    @property
    def revisions(self):
        return self._revisions

    @property
    def nombre_pdf(self):
        return f"{titulo_de(self.fecha)}.pdf"

    def recortes_por_bloque(self):
        """[(clave, nombre, [recorte, …]), …]: the blocks that have clippings, in
        the manual's order, each with its clippings in the monitor's order."""
        elementos = sorted(
            (e for e in self.elementos.all() if e.recorte_id),
            key=lambda e: e.sort_order or 0,
        )
        por_bloque = {}
        for elemento in elementos:
            por_bloque.setdefault(elemento.recorte.bloque, []).append(elemento.recorte)
        return [
            (clave, nombre, por_bloque[clave])
            for clave, nombre in BLOQUES
            if clave in por_bloque
        ]

    def limite(self):
        """9:30 (``SINTESIS_HORA_LIMITE``) of its date, Mexico City time."""
        hora, minuto = settings.SINTESIS_HORA_LIMITE
        return timezone.make_aware(datetime.combine(self.fecha, time(hora, minuto)))

    def get_preview_template(self, request, mode_name):
        return "monitoreo/sintesis/lectura.html"

    def get_preview_context(self, request, mode_name):
        """The head's preview is the Director General's reading page."""
        return {
            "sintesis": self,
            "bloques": self.recortes_por_bloque(),
            "institucion": InstitucionSettings.for_request(request),
            "vista_previa": True,
        }


class ElementoSintesis(Orderable):
    """One clipping in a síntesis, at its place (drag to reorder in the admin)."""

    sintesis = ParentalKey(Sintesis, on_delete=models.CASCADE, related_name="elementos")
    recorte = models.ForeignKey(
        Recorte,
        on_delete=models.PROTECT,
        related_name="elementos",
        verbose_name=_("recorte"),
        limit_choices_to=_recientes,
    )

    panels = [FieldPanel("recorte", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = _("recorte de la síntesis")
        verbose_name_plural = _("recortes de la síntesis")


class ControlSintesis(models.Model):
    """The control row of one day's síntesis: its PDF, when it went out and whether
    in time, the 9:00 alert («Control de síntesis informativa», P04 step 6)."""

    PENDIENTE, GENERANDO, LISTO, ERROR = "pendiente", "generando", "listo", "error"
    ESTADOS_PDF = [
        (PENDIENTE, _("Pendiente")),
        (GENERANDO, _("Generando")),
        (LISTO, _("Listo")),
        (ERROR, _("Error")),
    ]

    sintesis = models.OneToOneField(
        Sintesis,
        on_delete=models.CASCADE,
        related_name="control",
        verbose_name=_("síntesis"),
    )
    pdf = models.FileField(_("PDF"), upload_to="monitoreo/sintesis/%Y/%m/", blank=True)
    pdf_estado = models.CharField(
        _("estado del PDF"), max_length=10, choices=ESTADOS_PDF, default=PENDIENTE
    )
    pdf_avance = models.PositiveIntegerField(_("recortes compuestos"), default=0)
    pdf_total = models.PositiveIntegerField(_("recortes en total"), default=0)
    pdf_error = models.TextField(_("error del PDF"), blank=True)
    pdf_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    asunto = models.CharField(_("asunto"), max_length=255, blank=True)
    enviada_en = models.DateTimeField(_("enviada"), null=True, blank=True)
    tardia = models.BooleanField(_("enviada después de la hora límite"), default=False)
    bitacora = models.FileField(
        _("bitácora de envío"), upload_to="monitoreo/sintesis/%Y/%m/", blank=True
    )

    class Meta:
        verbose_name = _("control de síntesis")
        verbose_name_plural = _("control de síntesis")
        ordering = ["-sintesis__fecha"]

    def __str__(self):
        return str(self.sintesis)

    @property
    def porcentaje(self):
        if not self.pdf_total:
            return 100 if self.pdf_estado == self.LISTO else 0
        return round(100 * self.pdf_avance / self.pdf_total)


class AvisoSintesis(models.Model):
    """The 9:00 alert of one date: sent once, to Monitoreo and the head."""

    fecha = models.DateField(_("fecha"), unique=True)
    enviado_en = models.DateTimeField(_("enviado"), auto_now_add=True)
    destinatarios = models.TextField(_("destinatarios"), blank=True)

    class Meta:
        verbose_name = _("aviso de síntesis pendiente")
        verbose_name_plural = _("avisos de síntesis pendiente")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y}"


class EnvioSintesis(models.Model):
    """One e-mail of a síntesis to one person of the list, with its retries
    (the same states and back-off as the boletines' deliveries)."""

    PENDIENTE, ENVIANDO, ENVIADO, REINTENTANDO, FALLIDO = (
        "pendiente",
        "enviando",
        "enviado",
        "reintentando",
        "fallido",
    )
    ESTADOS = [
        (PENDIENTE, _("Pendiente")),
        (ENVIANDO, _("Enviando")),
        (ENVIADO, _("Enviado")),
        (REINTENTANDO, _("Reintentando")),
        (FALLIDO, _("Fallido")),
    ]

    control = models.ForeignKey(
        ControlSintesis, on_delete=models.CASCADE, related_name="envios"
    )
    nombre = models.CharField(_("nombre"), max_length=255)
    correo = models.EmailField(_("correo electrónico"))
    estado = models.CharField(
        _("estado"), max_length=15, choices=ESTADOS, default=PENDIENTE, db_index=True
    )
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    ultimo_error = models.TextField(_("último error"), blank=True)
    proximo_intento = models.DateTimeField(_("próximo intento"), null=True, blank=True)
    enviado_en = models.DateTimeField(_("enviado"), null=True, blank=True)
    creado_en = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("envío de síntesis")
        verbose_name_plural = _("envíos de síntesis")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["control", "correo"], name="envio_sintesis_unico"
            )
        ]

    def __str__(self):
        return f"{self.correo}: {self.get_estado_display()}"
