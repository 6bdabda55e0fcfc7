"""The campaign pages, their materials and tags, and the networks they post to."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.administracion.titulo import FormularioConTitulo
from cms.paginas import PublicaSoloPorFlujo

from ..panels import ProgramaMensualPanel

FACEBOOK, X, INSTAGRAM, SITIO = "facebook", "x", "instagram", "sitio"
REDES = [
    (FACEBOOK, "Facebook"),
    (X, "X (Twitter)"),
    (INSTAGRAM, "Instagram"),
    (SITIO, _("Sitio web")),
]
LIMITE_X = 280
LARGO_ENLACE_X = 23  # X shortens every link to 23 characters (t.co)
URL = re.compile(r"https?://\S+")


def largo_en_x(texto, enlace=""):
    """The length X counts: every link is 23 characters, however long."""
    texto = f"{texto} {enlace}".strip() if enlace else texto
    return len(URL.sub("x" * LARGO_ENLACE_X, texto))


class CampanaIndexPage(PublicaSoloPorFlujo, Page):
    """The list of current and past campaigns."""

    intro = RichTextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campanas.CampanaPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sección de campañas")
        verbose_name_plural = _("secciones de campañas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hoy = timezone.localdate()
        campanas = (
            CampanaPage.recientes(self, None)
            .select_related("area", "cartel")
            .prefetch_related("cartel__renditions")
        )
        context["vigentes"] = [c for c in campanas if c.fin >= hoy]
        context["pasadas"] = [c for c in campanas if c.fin < hoy]
        context["campanas"] = campanas
        return context


class CampanaPageForm(FormularioConTitulo):
    """Per-network rules for the programmed posts, in the editor's language."""

    def clean(self):
        datos = super().clean()
        inicio, fin = datos.get("inicio"), datos.get("fin")
        redes = {red for red, _ in REDES if datos.get(f"en_{red}")}
        formset = self.formsets["publicaciones"]
        formset.is_valid()
        for form in formset.forms:
            post = getattr(form, "cleaned_data", None)
            if not post or post.get("DELETE") or not post.get("fecha"):
                continue
            red = post.get("red")
            dia = timezone.localtime(post["fecha"]).date()
            if inicio and fin and not inicio <= dia <= fin:
                form.add_error(
                    "fecha",
                    _("La fecha está fuera del periodo de la campaña (%(i)s a %(f)s).")
                    % {"i": inicio.strftime("%d/%m/%Y"), "f": fin.strftime("%d/%m/%Y")},
                )
            if red and red not in redes:
                form.add_error(
                    "red", _("La campaña no incluye esta red: márcala en «Redes».")
                )
            if red == X:
                largo = largo_en_x(post.get("texto", ""), post.get("enlace", ""))
                if largo > LIMITE_X:
                    form.add_error(
                        "texto",
                        _(
                            "En X caben 280 caracteres (cada enlace cuenta 23); "
                            "esta publicación tiene %(n)s."
                        )
                        % {"n": largo},
                    )
            if red == INSTAGRAM and not (post.get("imagen") or post.get("video")):
                form.add_error("imagen", _("Instagram necesita una imagen o un video."))
        return datos


class CampanaPage(PublicaSoloPorFlujo, Page):
    """A campaign authorised by the Titular: its topic, period, networks and posts."""

    objetivo = models.TextField(_("objetivo"))
    tema = models.CharField(_("tema"), max_length=255)
    fundamento = models.CharField(
        _("fundamento legal"),
        max_length=255,
        blank=True,
        help_text=_("La ley o programa que la campaña promueve."),
    )
    publico_meta = models.CharField(_("público meta"), max_length=255, blank=True)
    inicio = models.DateField(_("inicio"))
    fin = models.DateField(_("fin"))
    en_facebook = models.BooleanField("Facebook", default=True)
    en_x = models.BooleanField("X (Twitter)", default=True)
    en_instagram = models.BooleanField("Instagram", default=False)
    en_sitio = models.BooleanField(_("Sitio web"), default=True)
    area = models.ForeignKey(
        "home.Area",
        verbose_name=_("área responsable"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hashtags = ClusterTaggableManager(
        through="campanas.CampanaTag", blank=True, verbose_name=_("hashtags")
    )
    descripcion = RichTextField(_("descripción"), blank=True)
    cartel = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cartel"),
        help_text=_("La imagen principal de la campaña, vertical de preferencia."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("tema"),
        FieldPanel("cartel"),
        FieldPanel("fundamento"),
        FieldPanel("objetivo"),
        FieldPanel("publico_meta"),
        FieldRowPanel([FieldPanel("inicio"), FieldPanel("fin")], heading=_("Periodo")),
        FieldRowPanel(
            [
                FieldPanel("en_facebook"),
                FieldPanel("en_x"),
                FieldPanel("en_instagram"),
                FieldPanel("en_sitio"),
            ],
            heading=_("Redes"),
        ),
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("hashtags")], heading=_("Clasificación")
        ),
        FieldPanel("descripcion"),
        InlinePanel("materiales", label=_("Material"), heading=_("Materiales")),
        ProgramaMensualPanel(heading=_("Programa mensual")),
        InlinePanel(
            "publicaciones",
            label=_("Publicación"),
            heading=_("Programación de publicaciones"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("tema"),
        index.SearchField("objetivo"),
        index.SearchField("descripcion"),
    ]
    parent_page_types = ["campanas.CampanaIndexPage"]
    subpage_types = []
    base_form_class = CampanaPageForm

    class Meta:
        verbose_name = _("campaña")
        verbose_name_plural = _("campañas")

    def clean(self):
        super().clean()
        if self.inicio and self.fin and self.fin < self.inicio:
            raise ValidationError(
                {"fin": _("La campaña no puede terminar antes de empezar.")}
            )

    @property
    def redes(self):
        return [(red, nombre) for red, nombre in REDES if getattr(self, f"en_{red}")]

    @classmethod
    def recientes(cls, raiz, cantidad):
        """Live campaigns under ``raiz``, the most recent first."""
        campanas = cls.objects.live().descendant_of(raiz).order_by("-inicio", "-pk")
        return campanas[:cantidad] if cantidad else campanas

    @classmethod
    def vigentes(cls, raiz, cantidad):
        """Live campaigns under ``raiz`` running today, ending soonest first."""
        hoy = timezone.localdate()
        return (
            cls.objects.live()
            .descendant_of(raiz)
            .filter(inicio__lte=hoy, fin__gte=hoy)
            .select_related("cartel")
            .prefetch_related("cartel__renditions")
            .order_by("fin", "-pk")[:cantidad]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materiales"] = self.materiales.select_related(
            "imagen", "documento", "video"
        )
        context["publicadas"] = self.evidencias.exclude(url="").order_by(
            "-publicada_en"
        )
        return context


class CampanaTag(TaggedItemBase):
    content_object = ParentalKey(
        CampanaPage, on_delete=models.CASCADE, related_name="tagged_items"
    )


class CampanaMaterial(Orderable):
    """An image, video or document of the media library used by the campaign."""

    page = ParentalKey(CampanaPage, on_delete=models.CASCADE, related_name="materiales")
    imagen = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    video = models.ForeignKey(
        "media_library.VideoPage",
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    documento = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("documento"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldPanel("imagen"),
        PageChooserPanel("video", "media_library.VideoPage"),
        FieldPanel("documento"),
    ]

    def clean(self):
        elegidos = [c for c in (self.imagen_id, self.video_id, self.documento_id) if c]
        if len(elegidos) != 1:
            raise ValidationError(
                _("Elige un material: una imagen, un video o un documento.")
            )
