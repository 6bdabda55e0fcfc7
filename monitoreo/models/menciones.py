"""A mention of the institution in the media or on the networks, and its states."""

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

QUEJA, SUGERENCIA, DUDA, COMENTARIO, NOTA, COLUMNA = (
    "queja",
    "sugerencia",
    "duda",
    "comentario",
    "nota",
    "columna",
)
TIPOS = [
    (QUEJA, _("Queja")),
    (SUGERENCIA, _("Sugerencia")),
    (DUDA, _("Duda")),
    (COMENTARIO, _("Comentario")),
    (NOTA, _("Nota informativa")),
    (COLUMNA, _("Columna")),
]
# What is channelled to an área and answered (002 Política 8).
CANALIZABLES = (QUEJA, SUGERENCIA, DUDA)

POSITIVO, NEGATIVO, NEUTRO = "positivo", "negativo", "neutro"
SENTIMIENTOS = [
    (POSITIVO, _("Positivo")),
    (NEGATIVO, _("Negativo")),
    (NEUTRO, _("Neutro")),
]

MANUAL, CSV, RSS, CONECTOR = "manual", "csv", "rss", "conector"
ORIGENES = [
    (MANUAL, _("Captura manual")),
    (CSV, _("Importación CSV")),
    (RSS, _("Canal RSS/Atom")),
    (CONECTOR, _("Conector de red social")),
]

# Parameters that only track a visit and say nothing of the page.
PARAMETROS_DE_RASTREO = re.compile(r"^(utm_.*|fbclid|gclid|igshid|ref|s)$")


def normalizar_url(url):
    """The URL without scheme case, "www.", tracking parameters, fragment or slash."""
    if not url:
        return ""
    partes = urlsplit(url.strip())
    anfitrion = (partes.hostname or "").lower().removeprefix("www.")
    consulta = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(partes.query)
            if not PARAMETROS_DE_RASTREO.match(k)
        )
    )
    return urlunsplit(("https", anfitrion, partes.path.rstrip("/"), consulta, ""))


def normalizar_texto(texto):
    """Lower case, no accents, single spaces: what matching and hashing compare."""
    sin_acentos = unicodedata.normalize("NFKD", texto or "")
    sin_acentos = "".join(c for c in sin_acentos if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", sin_acentos).strip().lower()


def huella_de(texto):
    return hashlib.sha256(normalizar_texto(texto).encode()).hexdigest()


class MencionQuerySet(models.QuerySet):
    def para_bandeja(self):
        """What every row of the inbox reads, in a constant number of queries."""
        return self.select_related("medio", "programa", "area", "asignada_a")


_ETIQUETAS = {}


def _etiquetas(campo):
    """A field's choices as {value: label} in the active language, built once."""
    clave = (campo, get_language())
    if clave not in _ETIQUETAS:
        _ETIQUETAS[clave] = {valor: str(nombre) for valor, nombre in campo.flatchoices}
    return _ETIQUETAS[clave]


class Mencion(models.Model):
    """A mention, comment, complaint or clipping, from entry to closing."""

    NUEVA, CLASIFICADA, CANALIZADA, RESPONDIDA, CERRADA, SIN_RESPUESTA = (
        "nueva",
        "clasificada",
        "canalizada",
        "respondida",
        "cerrada",
        "sin_respuesta",
    )
    ESTADOS = [
        (NUEVA, _("Nueva")),
        (CLASIFICADA, _("Clasificada")),
        (CANALIZADA, _("Canalizada")),
        (RESPONDIDA, _("Respondida por el área")),
        (CERRADA, _("Cerrada")),
        (SIN_RESPUESTA, _("Sin respuesta")),
    ]
    AHORA, DESPUES, NO = "ahora", "despues", "no"
    DECISIONES = [
        (AHORA, _("Responder ahora")),
        (DESPUES, _("Responder después")),
        (NO, _("No responder")),
    ]

    # Where and when it appeared
    medio = models.ForeignKey(
        "monitoreo.Medio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="menciones",
        verbose_name=_("medio"),
    )
    programa = models.ForeignKey(
        "monitoreo.Programa",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="menciones",
        verbose_name=_("programa"),
    )
    cuenta = models.CharField(
        _("cuenta o publicación en la red"), max_length=255, blank=True
    )
    publicada_en = models.DateTimeField(_("fecha y hora"), db_index=True)
    url = models.URLField(_("dirección"), max_length=1000, blank=True)
    url_normalizada = models.CharField(
        max_length=1000, blank=True, editable=False, db_index=True
    )
    huella = models.CharField(max_length=64, editable=False, db_index=True)
    # Who said what (personal data: LGPDPPSO)
    autor = models.CharField(_("autor público"), max_length=255, blank=True)
    texto = models.TextField(_("texto o extracto"))
    adjunto = models.FileField(
        _("adjunto (captura, audio, video o escaneo)"),
        upload_to="monitoreo/menciones/%Y/%m/",
        blank=True,
    )
    # What it refers to: a boletín, a campaign or a video (any page, by label).
    publicacion = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="menciones_de_monitoreo",
        verbose_name=_("publicación a la que se refiere"),
    )
    # A campaign's programmed post, when the mention answers one (campanas).
    publicacion_de_campana = models.ForeignKey(
        settings.MONITOREO_PUBLICACION_DE_CAMPANA,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="menciones_de_monitoreo",
        verbose_name=_("publicación de la campaña"),
        help_text=_(
            "Si responde a una publicación programada de una campaña; la campaña "
            "queda como la publicación a la que se refiere."
        ),
    )
    publicacion_sugerida = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # Classification
    tipo = models.CharField(_("tipo"), max_length=20, choices=TIPOS, blank=True)
    sentimiento = models.CharField(
        _("sentimiento"), max_length=10, choices=SENTIMIENTOS, blank=True
    )
    tema = models.CharField(_("tema"), max_length=120, blank=True, db_index=True)
    area = models.ForeignKey(
        "home.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="menciones",
        verbose_name=_("área responsable"),
    )
    # A person set the class: rules never change it again.
    clasificacion_manual = models.BooleanField(default=False, editable=False)
    regla = models.ForeignKey(
        "monitoreo.Regla",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="menciones",
    )
    destacada = models.BooleanField(_("destacada en el reporte"), default=False)
    # Process
    estado = models.CharField(
        _("estado"), max_length=15, choices=ESTADOS, default=NUEVA, db_index=True
    )
    origen = models.CharField(
        _("origen"), max_length=10, choices=ORIGENES, default=MANUAL, editable=False
    )
    asignada_a = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="menciones_asignadas",
        verbose_name=_("asignada a"),
    )
    decision = models.CharField(
        _("decisión"), max_length=10, choices=DECISIONES, blank=True
    )
    razon_decision = models.CharField(
        _("razón de la decisión"), max_length=255, blank=True
    )
    motivo_sin_respuesta = models.CharField(
        _("motivo de «sin respuesta»"), max_length=255, blank=True
    )
    canalizada_en = models.DateTimeField(null=True, blank=True, editable=False)
    vence = models.DateField(_("vence"), null=True, blank=True, editable=False)
    respuesta_area = models.TextField(_("respuesta del área"), blank=True)
    respondida_en = models.DateTimeField(null=True, blank=True, editable=False)
    respondida_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    informe_ciudadano = models.TextField(
        _("lo que se respondió al ciudadano"), blank=True
    )
    ciudadano_informado_en = models.DateTimeField(null=True, blank=True)
    cerrada_en = models.DateTimeField(null=True, blank=True, editable=False)
    escalada_area_en = models.DateField(null=True, blank=True, editable=False)
    escalada_titular_en = models.DateField(null=True, blank=True, editable=False)
    creada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    creada_en = models.DateTimeField(auto_now_add=True)

    objects = MencionQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("medio"), FieldPanel("programa")]),
                FieldRowPanel([FieldPanel("publicada_en"), FieldPanel("cuenta")]),
                FieldPanel("url"),
            ],
            heading=_("Dónde y cuándo"),
        ),
        FieldPanel("autor"),
        FieldPanel("texto"),
        FieldPanel("adjunto"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tipo"), FieldPanel("sentimiento")]),
                FieldRowPanel([FieldPanel("tema"), FieldPanel("area")]),
                FieldPanel("publicacion"),
                FieldPanel("publicacion_de_campana"),
                FieldPanel("destacada"),
            ],
            heading=_("Clasificación"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("asignada_a"),
                FieldRowPanel([FieldPanel("decision"), FieldPanel("razon_decision")]),
            ],
            heading=_("Seguimiento"),
        ),
    ]

    class Meta:
        verbose_name = _("mención")
        verbose_name_plural = _("menciones")
        ordering = ["-publicada_en", "-pk"]
        indexes = [
            models.Index(fields=["estado", "-publicada_en"], name="mencion_estado"),
            models.Index(fields=["area", "estado"], name="mencion_area_estado"),
            models.Index(fields=["tipo", "-publicada_en"], name="mencion_tipo"),
            # The indicators count channelled and answered complaints by these
            # dates; most mentions have neither, so the indexes hold only those
            # that do.
            models.Index(
                fields=["canalizada_en"],
                condition=models.Q(canalizada_en__isnull=False),
                name="mencion_canalizada",
            ),
            models.Index(
                fields=["respondida_en"],
                condition=models.Q(respondida_en__isnull=False),
                name="mencion_respondida",
            ),
        ]
        permissions = [
            ("canalizar_mencion", _("Canalizar menciones a las áreas")),
            ("responder_mencion", _("Responder lo canalizado a su área")),
            ("importar_menciones", _("Importar menciones (CSV, RSS, conectores)")),
        ]

    def __str__(self):
        resumen = self.texto[:60] + ("…" if len(self.texto) > 60 else "")
        return f"{self.get_tipo_display() or _('Sin clasificar')}: {resumen}"

    def save(self, *args, **kwargs):
        self.url_normalizada = normalizar_url(self.url)
        self.huella = huella_de(self.texto)
        if self.estado == self.NUEVA and self.tipo and self.sentimiento:
            self.estado = self.CLASIFICADA
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        post = self.publicacion_de_campana
        if post is None:
            return
        if self.publicacion_id is None:
            self.publicacion_id = post.page_id
        elif self.publicacion_id != post.page_id:
            raise ValidationError(
                {
                    "publicacion_de_campana": _(
                        "Esa publicación programada es de otra campaña: elige una "
                        "de «%(campana)s» o deja vacía la publicación."
                    )
                    % {"campana": self.publicacion.title}
                }
            )

    def _get_FIELD_display(self, field):
        # Django rebuilds a hashable dict of the lazy labels on every call: an
        # inbox page of 50 rows called it 150 times, 4 % of the page's time.
        valor = getattr(self, field.attname)
        return _etiquetas(field).get(valor, valor)

    @property
    def canalizable(self):
        return self.tipo in CANALIZABLES and self.area_id is not None

    def vencida(self, hoy):
        return (
            self.vence is not None
            and self.estado == self.CANALIZADA
            and self.vence <= hoy
        )
