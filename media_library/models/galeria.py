"""The public photo gallery, and the images and documents the public may see."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, ReferenceIndex

from cms.paginas import PublicaSoloPorFlujo
from home.models import Area

from .medios import Documento, FiltrosDeMedios, Imagen


def imagenes_publicas():
    """Images used by a live page (per Wagtail's reference index) or marked public.

    Drafts and embargoed pages are not live, so their photos stay out.
    """
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


def documento_publico(documento):
    """Whether a live page open to everyone uses ``documento``, or it is public.

    The public flag is the Titular's logged action (``MostrarEnMediatecaMixin``);
    an embargoed annex or a licence proof on a draft is used by no live page.
    """
    if documento.publico:
        return True
    vivas = (
        Page.objects.live()
        .public()
        .annotate(clave=Cast("pk", CharField()))
        .values("clave")
    )
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Documento),
        to_object_id=str(documento.pk),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=vivas,
    ).exists()


class GaleriaPage(PublicaSoloPorFlujo, Page):
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
