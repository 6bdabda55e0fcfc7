"""The institution: its home page, standard pages and site settings."""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.paginas import PublicaSoloPorFlujo

color_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Escribe el color como #RRGGBB, por ejemplo #6a1b31.")
)

enlace_validator = RegexValidator(
    r"^(/|https?://)\S*$",
    _("Escribe una dirección que empiece con / (de este sitio) o con https://."),
)


@register_setting(icon="site")
class InstitucionSettings(BaseSiteSetting):
    """Who publishes: name, logo, colours, contact and social accounts."""

    nombre = models.CharField(_("nombre de la institución"), max_length=255)
    siglas = models.CharField(_("siglas"), max_length=30, blank=True)
    unidad = models.CharField(
        _("unidad responsable"),
        max_length=255,
        default="Coordinación de Comunicación Social",
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logotipo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_gobierno = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logotipo del gobierno"),
        help_text=_("El del gobierno del estado, a la izquierda del encabezado."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    color_primario = models.CharField(
        _("color primario"),
        max_length=7,
        default="#6a1b31",
        validators=[color_validator],
    )
    color_secundario = models.CharField(
        _("color secundario"),
        max_length=7,
        default="#bc955c",
        validators=[color_validator],
    )
    tipografia = models.CharField(
        _("tipografía"),
        max_length=20,
        choices=[
            ("montserrat", _("Montserrat (incluida en el sitio)")),
            ("sistema", _("La del sistema del visitante (más ligera)")),
        ],
        default="montserrat",
    )
    direccion = models.TextField(_("dirección"), blank=True)
    telefono = models.CharField(
        _("teléfonos"),
        max_length=60,
        blank=True,
        help_text=_("Uno o varios, separados por coma."),
    )
    horario = models.CharField(
        _("horario de atención"),
        max_length=120,
        blank=True,
        help_text=_("Por ejemplo: lunes a viernes de 8:00 a 16:00 h."),
    )
    correo = models.EmailField(_("correo de prensa"), blank=True)
    aviso_privacidad = models.CharField(
        _("aviso de privacidad"),
        max_length=255,
        blank=True,
        validators=[enlace_validator],
        help_text=_("Dirección de la página del aviso de privacidad."),
    )
    transparencia = models.CharField(
        _("transparencia"),
        max_length=255,
        blank=True,
        validators=[enlace_validator],
        help_text=_("Dirección del portal o la página de transparencia."),
    )
    facebook = models.URLField(_("Facebook"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("nombre"), FieldPanel("siglas"), FieldPanel("unidad")],
            heading=_("Institución"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("logo_gobierno"),
                FieldPanel("color_primario"),
                FieldPanel("color_secundario"),
                FieldPanel("tipografia"),
            ],
            heading=_("Identidad gráfica"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("direccion"),
                FieldPanel("telefono"),
                FieldPanel("horario"),
                FieldPanel("correo"),
            ],
            heading=_("Contacto"),
        ),
        MultiFieldPanel(
            [FieldPanel("aviso_privacidad"), FieldPanel("transparencia")],
            heading=_("Avisos del pie de página"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook"),
                FieldPanel("x"),
                FieldPanel("instagram"),
                FieldPanel("youtube"),
            ],
            heading=_("Redes sociales"),
        ),
    ]

    class Meta:
        verbose_name = _("datos de la institución")

    @property
    def redes(self):
        """The social accounts that are set, as (name, url) pairs for templates."""
        pairs = [
            ("Facebook", self.facebook),
            ("X", self.x),
            ("Instagram", self.instagram),
            ("YouTube", self.youtube),
        ]
        return [(name, url) for name, url in pairs if url]


class HomePage(PublicaSoloPorFlujo, Page):
    """The institution's home page: the latest boletines, campaigns and videos."""

    presentacion = RichTextField(_("presentación"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("presentacion")]
    search_fields = Page.search_fields + [index.SearchField("presentacion")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "boletines.BoletinIndexPage",
        "boletines.AgendaPage",
        "campanas.CampanaIndexPage",
        "media_library.VideoIndexPage",
        "media_library.GaleriaPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("página de inicio")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["secciones"] = self.get_children().live().in_menu().specific()
        # One list, read once: the template takes the first as the highlight and
        # the rest as cards (indexing a queryset would query it twice).
        context["ultimos_boletines"] = SimpleLazyObject(
            lambda: list(self._ultimos("boletines.BoletinPage", 6))
        )
        context["campanas"] = self._modelo("campanas.CampanaPage").vigentes(self, 3)
        context["videos"] = self._ultimos("media_library.VideoPage", 3)
        # A queryset: read only when the home's fragment is not in memory.
        hoy = timezone.localdate()
        lunes = hoy - datetime.timedelta(days=hoy.weekday())
        eventos = self._modelo("boletines.Evento").de_la_semana(lunes)
        context["agenda"] = eventos.filter(fecha__gte=hoy)[:5]
        return context

    @staticmethod
    def _modelo(model_label):
        # Resolved by label so that home does not import the content apps.
        return apps.get_model(model_label)

    def _ultimos(self, model_label, count):
        return self._modelo(model_label).recientes(self, count)


class StandardPage(PublicaSoloPorFlujo, Page):
    """An institutional page: about us, transparency, contact."""

    cuerpo = RichTextField(_("contenido"))

    content_panels = Page.content_panels + [FieldPanel("cuerpo")]
    search_fields = Page.search_fields + [index.SearchField("cuerpo")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.PlantelPage"]

    class Meta:
        verbose_name = _("página institucional")
        verbose_name_plural = _("páginas institucionales")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "Planteles" lists its campuses; "Quiénes somos" its own subpages.
        context["subpaginas"] = self.get_children().live().order_by("path")
        return context


class PlantelPage(PublicaSoloPorFlujo, Page):
    """A campus's own section, where its enlace drafts material and proposals."""

    director = models.CharField(_("director o directora"), max_length=255, blank=True)
    direccion = models.TextField(_("dirección"), blank=True)
    presentacion = RichTextField(_("presentación"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("director"),
        FieldPanel("direccion"),
        FieldPanel("presentacion"),
    ]
    parent_page_types = ["home.StandardPage"]
    subpage_types = ["home.PropuestaPage"]

    class Meta:
        verbose_name = _("sección de plantel")
        verbose_name_plural = _("secciones de plantel")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["propuestas"] = (
            PropuestaPage.objects.live().child_of(self).order_by("-fecha", "-pk")
        )
        return context


class PropuestaPage(PublicaSoloPorFlujo, Page):
    """Material or a proposal from a campus: an activity, photos, a story idea."""

    fecha = models.DateField(_("fecha de la actividad"), null=True, blank=True)
    descripcion = RichTextField(_("descripción"))

    content_panels = Page.content_panels + [
        FieldPanel("fecha"),
        FieldPanel("descripcion"),
    ]
    search_fields = Page.search_fields + [index.SearchField("descripcion")]
    parent_page_types = ["home.PlantelPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("propuesta de plantel")
        verbose_name_plural = _("propuestas de plantel")


@register_snippet
class Area(models.Model):
    """An organisational unit or campus that originates content."""

    nombre = models.CharField(_("nombre"), max_length=255, unique=True)
    slug = models.SlugField(_("clave para la dirección"), max_length=80, unique=True)

    panels = [FieldPanel("nombre"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("área o plantel")
        verbose_name_plural = _("áreas y planteles")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre
