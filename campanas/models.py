"""Campaigns: the listing and the campaign page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class CampanaIndexPage(Page):
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
        context["campanas"] = CampanaPage.recientes(self, None)
        return context


class CampanaPage(Page):
    """A campaign authorised by the Titular: objective, topic and period."""

    objetivo = models.TextField(_("objetivo"))
    tema = models.CharField(_("tema"), max_length=255)
    inicio = models.DateField(_("inicio"))
    fin = models.DateField(_("fin"))
    descripcion = RichTextField(_("descripción"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tema"),
        FieldPanel("objetivo"),
        FieldRowPanel([FieldPanel("inicio"), FieldPanel("fin")], heading=_("Periodo")),
        FieldPanel("descripcion"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("tema"),
        index.SearchField("objetivo"),
        index.SearchField("descripcion"),
    ]
    parent_page_types = ["campanas.CampanaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaña")
        verbose_name_plural = _("campañas")

    def clean(self):
        super().clean()
        if self.inicio and self.fin and self.fin < self.inicio:
            raise ValidationError(
                {"fin": _("La campaña no puede terminar antes de empezar.")}
            )

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
            .order_by("fin", "-pk")[:cantidad]
        )
