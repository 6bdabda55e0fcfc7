"""The newsroom and the boletín page, with its photos, tags and related boletines."""

import hashlib
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch, Q, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.administracion.titulo import FormularioConTitulo
from cms.cache.memoria import memorizar, seccion
from cms.consulta import entero
from cms.paginas import PublicaSoloPorFlujo
from cms.paneles import PanelRegistrado
from home.models import Area, InstitucionSettings
from workflows.panels import CambiosSolicitadosPanel

from ..blocks import CuerpoBlock
from ..feeds import BoletinesAtomFeed, BoletinesFeed
from ..pdf import boletin_pdf

MESES = [
    (1, _("enero")),
    (2, _("febrero")),
    (3, _("marzo")),
    (4, _("abril")),
    (5, _("mayo")),
    (6, _("junio")),
    (7, _("julio")),
    (8, _("agosto")),
    (9, _("septiembre")),
    (10, _("octubre")),
    (11, _("noviembre")),
    (12, _("diciembre")),
]


class FiltrosBoletin:
    """The newsroom's filters from the query string: year, month, tag and área."""

    def __init__(self, params):
        self.anio = entero(params, "anio", minimo=1900, maximo=2999)
        self.mes = entero(params, "mes", minimo=1, maximo=12)
        self.tag = (params.get("tag") or "").strip()
        self.area = (params.get("area") or "").strip()

    def clave(self):
        """These filters as a cache key (tag and área come from the query string)."""
        texto = f"{self.anio}|{self.mes}|{self.tag}|{self.area}"
        return hashlib.sha256(texto.encode()).hexdigest()[:32]

    def consulta(self, pagina):
        """``?anio=…&pagina=N``: these filters on another page of the listing."""
        valores = {"anio": self.anio, "mes": self.mes, "tag": self.tag}
        valores.update(area=self.area, pagina=pagina)
        return "?" + urlencode({k: v for k, v in valores.items() if v})

    def aplicar(self, boletines):
        if self.anio:
            boletines = boletines.filter(fecha__year=self.anio)
        if self.mes:
            boletines = boletines.filter(fecha__month=self.mes)
        if self.tag:
            boletines = boletines.filter(tagged_items__tag__slug=self.tag)
        if self.area:
            boletines = boletines.filter(area__slug=self.area)
        return boletines.distinct() if self.tag else boletines

    def opciones(self, vivos):
        """The choices that lead somewhere: years, tags and áreas in use."""
        return {
            "anios": sorted(
                {d.year for d in vivos.dates("fecha", "year")}, reverse=True
            ),
            "meses": MESES,
            "tags": list(
                Tag.objects.filter(boletines_boletintag_items__content_object__in=vivos)
                .distinct()
                .order_by("name")
            ),
            "areas": list(
                Area.objects.filter(pk__in=vivos.values("area")).order_by("nombre")
            ),
        }


class PaginadorPorLlave(Paginator):
    """Django's paginator, whose page N seeks past the last boletín of page N-1
    on the ``fecha`` index instead of an ``OFFSET`` that walks (and joins) every
    boletín before it: page 500 of 100,000 costs what page 1 costs (0.2 ms in
    PostgreSQL against 199 ms with ``OFFSET``, ``bench/sitio.py --solo-planes``).

    ``limites()`` gives, in order, the ``(fecha, pk)`` of the last boletín of each
    page; it is read only when a page past the first is shown, and remembered
    until the newsroom changes. The public address stays ``?pagina=N``.
    """

    def __init__(self, object_list, per_page, limites):
        super().__init__(object_list, per_page)
        self._limites = limites

    @staticmethod
    def limites(boletines, por_pagina):
        # The database numbers the rows and returns one of every ``por_pagina``.
        orden = [F("fecha").desc(), F("page_ptr_id").desc()]
        numerados = (
            boletines.order_by()
            .annotate(posicion=Window(RowNumber(), order_by=orden))
            .annotate(resto=F("posicion") % por_pagina)
            .filter(resto=0)
            .order_by("posicion")
        )
        return list(numerados.values_list("fecha", "page_ptr_id"))

    def _despues_de(self, numero):
        limites = self._limites()
        if numero - 2 >= len(limites):
            return self.object_list.none()
        fecha, pk = limites[numero - 2]
        # ``fecha <= …`` is the index range; the tie on the date is a filter.
        return self.object_list.filter(fecha__lte=fecha).filter(
            Q(fecha__lt=fecha) | Q(page_ptr_id__lt=pk)
        )[: self.per_page]

    def page(self, number):
        number = self.validate_number(number)
        if number == 1:
            return super().page(number)
        # Lazy: a remembered listing fragment never asks for the limits.
        return self._get_page(
            SimpleLazyObject(lambda: list(self._despues_de(number))), number, self
        )


class BoletinIndexPage(PublicaSoloPorFlujo, RoutablePageMixin, Page):
    """The newsroom (sala de prensa): the live boletines, newest first, and feeds."""

    intro = RichTextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["boletines.BoletinPage"]
    max_count_per_parent = 1
    por_pagina = 20

    class Meta:
        verbose_name = _("sala de prensa")
        verbose_name_plural = _("salas de prensa")

    def publicados(self):
        """The live boletines of this newsroom, newest first, photos loaded."""
        return BoletinPage.publicados(self)

    def get_cached_paths(self):
        """The listing and its feeds: the caching proxy purges them together."""
        return ["/", "/feed/", "/feed/atom/"]

    @path("feed/")
    def feed_rss(self, request):
        """RSS 2.0 of the latest boletines."""
        return BoletinesFeed(self)(request)

    @path("feed/atom/")
    def feed_atom(self, request):
        """Atom of the latest boletines."""
        return BoletinesAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filtros = FiltrosBoletin(request.GET)
        boletines = filtros.aplicar(self.publicados()).defer("cuerpo")
        # The count, the pages' limits and the filter choices change only when a
        # boletín of this newsroom is published or taken down (its section).
        ambitos = [seccion(self.pk)]
        paginador = PaginadorPorLlave(
            boletines,
            self.por_pagina,
            lambda: memorizar(
                f"sala:{self.pk}:limites:{filtros.clave()}",
                lambda: PaginadorPorLlave.limites(
                    filtros.aplicar(BoletinPage.objects.live().descendant_of(self)),
                    self.por_pagina,
                ),
                request,
                ambitos,
                proceso=True,
            ),
        )
        # Counting 100,000 boletines takes tens of milliseconds: the process
        # remembers it, so a cold shared cache does not pay it on every page.
        paginador.count = memorizar(
            f"sala:{self.pk}:cuenta:{filtros.clave()}",
            boletines.count,
            request,
            ambitos,
            proceso=True,
        )
        pagina = paginador.get_page(request.GET.get("pagina"))
        context["boletines"] = pagina
        context["filtros"] = filtros
        # Links built from the known filters only, so that a remembered fragment
        # never carries another visitor's stray parameters.
        if pagina.has_previous():
            context["enlace_anterior"] = filtros.consulta(pagina.number - 1)
        if pagina.has_next():
            context["enlace_siguiente"] = filtros.consulta(pagina.number + 1)
        context["opciones"] = SimpleLazyObject(
            lambda: memorizar(
                f"sala:{self.pk}:opciones",
                lambda: filtros.opciones(
                    BoletinPage.objects.live().descendant_of(self)
                ),
                request,
                ambitos,
                proceso=True,
            )
        )
        return context


MIN_FOTOS, MAX_FOTOS = 1, 5
# Newest first; the same order for the newsroom, home and previous/next links.
# ``page_ptr_id``, not ``pk``: the column of the index, not the parent's ``id``.
ORDEN_RECIENTES = ("-fecha", "-page_ptr_id")


def imagenes_del_cuerpo(cuerpo):
    """The images of the body's «Imagen con pie» blocks, with the alt text each
    one shows (the block's own, or the image's)."""
    imagenes = []
    for bloque in cuerpo or []:
        imagen = bloque.value.get("imagen") if bloque.block_type == "imagen" else None
        if imagen is not None:
            alt = getattr(imagen, "contextual_alt_text", "") or imagen.description
            imagenes.append((imagen, alt))
    return imagenes


def faltantes_de_fotos(fotos, del_cuerpo=()):
    """What a boletín's photos still lack before submission, one sentence each.

    The one place for the photo rules: the form refuses a submission with any of
    them, a draft saves anyway, and the editor's checklist lists them. Images
    placed in the body (``del_cuerpo``: image and the alt text it shows) are
    photos published with the boletín too (003 P02 2.1): they count in the five
    and need the same alt text and credit.
    """
    faltan = []
    distintas = {imagen.pk for imagen in fotos} | {i.pk for i, _ in del_cuerpo}
    if not fotos or len(distintas) > MAX_FOTOS:
        faltan.append(
            _(
                "Un boletín lleva de 1 a 5 fotografías, contando las del cuerpo "
                "y al menos una en «Fotografías»; este tiene %(n)s."
            )
            % {"n": len(distintas)}
        )
    revisadas = set()
    for imagen, alt in [(i, i.description) for i in fotos] + list(del_cuerpo):
        campos = [
            nombre
            for nombre, valor in (
                (_("texto alternativo"), alt),
                (_("crédito"), imagen.credito),
            )
            if not (valor or "").strip()
        ]
        if campos and (imagen.pk, alt) not in revisadas:
            revisadas.add((imagen.pk, alt))
            faltan.append(
                _(
                    "A la fotografía «%(titulo)s» le falta %(faltan)s: "
                    "agrégalo en Imágenes antes de enviar el boletín."
                )
                % {"titulo": imagen.title, "faltan": " y ".join(map(str, campos))}
            )
    return faltan


class PendientesPanel(Panel):
    """The editor's checklist: what the saved boletín still lacks to be submitted."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "boletines/panels/pendientes.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            fotos, del_cuerpo = [], []
            if self.instance.pk:
                fotos = [foto.imagen for foto in self.instance.fotos.all()]
                del_cuerpo = imagenes_del_cuerpo(self.instance.cuerpo)
            context["faltantes"] = faltantes_de_fotos(fotos, del_cuerpo)
            return context


class BoletinPageForm(FormularioConTitulo):
    """A boletín is submitted with 1 to 5 photos, each with alt text and credit.

    Saving a draft (and autosave) defers the rules: offices write first and get
    the photos later; the checklist above the form shows what is still missing.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        formset = self.formsets["fotos"]
        formset.is_valid()  # cleans each photo's form, even past the maximum
        datos = [getattr(form, "cleaned_data", {}) for form in formset.forms]
        fotos = [d["imagen"] for d in datos if d.get("imagen") and not d.get("DELETE")]
        del_cuerpo = imagenes_del_cuerpo(cleaned_data.get("cuerpo"))
        for mensaje in faltantes_de_fotos(fotos, del_cuerpo):
            self.add_error(None, mensaje)
        return cleaned_data


class BoletinPage(PublicaSoloPorFlujo, RoutablePageMixin, Page):
    """A press release: dateline, lead, body, its approved photos, and its PDF."""

    # Indexed: the newsroom and the previous/next links walk the boletines by date.
    fecha = models.DateField(_("fecha"), default=timezone.localdate, db_index=True)
    lugar = models.CharField(
        _("lugar"), max_length=120, help_text=_("Ciudad del lugar y fecha.")
    )
    sumario = models.TextField(
        _("sumario"),
        max_length=400,
        help_text=_(
            "Entrada del boletín, en texto simple (400 caracteres como máximo)."
        ),
    )
    cuerpo = StreamField(CuerpoBlock(), verbose_name=_("cuerpo"))
    area = models.ForeignKey(
        "home.Area",
        verbose_name=_("área o plantel de origen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through="boletines.BoletinTag", blank=True, verbose_name=_("etiquetas")
    )
    contacto = models.ForeignKey(
        "boletines.ContactoPrensa",
        verbose_name=_("contacto de prensa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The first time it was sent for approval, set once by
    # ``signal_handlers.recordar_primer_envio``: with ``go_live_at`` and
    # ``first_published_at`` it says when the boletín was programmed for
    # (``boletines.indicadores``), read from columns instead of the workflow table.
    primer_envio = models.DateTimeField(
        _("enviado a aprobación por primera vez"),
        null=True,
        blank=True,
        editable=False,
    )
    listas = ParentalManyToManyField(
        "boletines.ListaDistribucion",
        verbose_name=_("listas de distribución"),
        blank=True,
        related_name="+",
        help_text=_(
            "Además de estas, el boletín se envía siempre a la lista "
            "predeterminada (con la Coordinación de Comunicación Social del Estado)."
        ),
    )

    content_panels = [
        CambiosSolicitadosPanel(heading=_("Cambios solicitados")),
        PendientesPanel(heading=_("Lo que falta para enviar a revisión")),
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("lugar"), FieldPanel("fecha")], heading=_("Lugar y fecha")
        ),
        FieldPanel("sumario"),
        FieldPanel("cuerpo"),
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("tags")], heading=_("Clasificación")
        ),
        FieldPanel("contacto"),
        FieldPanel("listas", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "relacionados",
            label=_("Boletín relacionado"),
            heading=_("Boletines relacionados"),
        ),
        InlinePanel(
            "fotos",
            label=_("Fotografía"),
            heading=_("Fotografías (de 1 a 5, con texto alternativo y crédito)"),
            max_num=MAX_FOTOS,
        ),
        # Filled in by the monitoring desk (monitoreo.wagtail_hooks), once live.
        PanelRegistrado("cobertura", heading=_("Cobertura en medios")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("sumario"),
        index.SearchField("cuerpo"),
        index.FilterField("fecha"),
    ]
    parent_page_types = ["boletines.BoletinIndexPage"]
    subpage_types = []
    base_form_class = BoletinPageForm

    # Read on every view: loaded with the page itself (``cms.cache.rutas``).
    select_related_al_servir = ("folio", "contacto")

    def with_content_json(self, content):
        """A revision brought back (published, compared, reverted) keeps the date
        of the first submission, which belongs to the boletín, not to a revision."""
        obj = super().with_content_json(content)
        obj.primer_envio = self.primer_envio
        return obj

    class Meta:
        verbose_name = _("boletín")
        verbose_name_plural = _("boletines")

    @classmethod
    def con_fotos(cls, boletines):
        """``boletines`` with their photos and the photos' renditions: three
        queries, however many cards (``get_rendition`` reads the prefetched ones)."""
        fotos = BoletinFoto.objects.select_related("imagen").prefetch_related(
            "imagen__renditions"
        )
        return boletines.prefetch_related(Prefetch("fotos", queryset=fotos))

    @classmethod
    def publicados(cls, raiz):
        """Live boletines under ``raiz``, newest first, with their photos loaded.

        Ordered on ``(fecha, page_ptr)``: the ``fecha`` index gives the order and
        PostgreSQL sorts only the ties (an incremental sort).
        """
        return cls.con_fotos(
            cls.objects.live().descendant_of(raiz).order_by(*ORDEN_RECIENTES)
        )

    @classmethod
    def recientes(cls, raiz, cantidad):
        """The latest ``cantidad`` boletines, for the home page."""
        return cls.publicados(raiz)[:cantidad]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template reads them only when its fragment is not in memory
        # (``{% memoria %}``), so a remembered boletín costs none of these queries.
        context["fotos"] = SimpleLazyObject(lambda: self._fotos(request))
        context["relacionados"] = BoletinPage.con_fotos(
            BoletinPage.objects.live().filter(
                pk__in=self.relacionados.values("relacionado")
            )
        )
        context["anterior"] = SimpleLazyObject(lambda: self.anterior(self.fecha))
        context["siguiente"] = SimpleLazyObject(lambda: self.siguiente(self.fecha))
        return context

    def _hermanos(self):
        return BoletinPage.objects.live().sibling_of(self, inclusive=False)

    def anterior(self, fecha):
        """The live boletín just older than this one (were it dated ``fecha``)."""
        return (
            self._hermanos()
            .filter(fecha__lte=fecha)
            .exclude(fecha=fecha, page_ptr_id__gt=self.pk)
            .order_by(*ORDEN_RECIENTES)
            .first()
        )

    def siguiente(self, fecha):
        """The live boletín just newer than this one (were it dated ``fecha``)."""
        return (
            self._hermanos()
            .filter(fecha__gte=fecha)
            .exclude(fecha=fecha, page_ptr_id__lt=self.pk)
            .order_by("fecha", "page_ptr_id")
            .first()
        )

    def _fotos(self, request):
        """Photos with their renditions in three queries, however many photos; the
        shared-link metadata and JSON-LD then read the same prefetched list."""
        if getattr(request, "is_preview", False):
            return list(self.fotos.select_related("imagen"))
        fotos = BoletinFoto.objects.select_related("imagen").prefetch_related(
            "imagen__renditions"
        )
        prefetch_related_objects([self], Prefetch("fotos", queryset=fotos))
        return list(self.fotos.all())

    @path("pdf/")
    def pdf(self, request):
        """The printable institutional format, at a stable address."""
        contenido = boletin_pdf(self, InstitucionSettings.for_request(request))
        respuesta = HttpResponse(contenido, content_type="application/pdf")
        nombre = self.folio_texto.replace("Boletín ", "boletin-").replace("/", "-")
        respuesta["Content-Disposition"] = (
            f'inline; filename="{nombre or self.slug}.pdf"'
        )
        return respuesta

    def datos_estructurados(self, request):
        """schema.org NewsArticle, for search engines."""
        institucion = InstitucionSettings.for_request(request)  # once per request
        foto = self.foto_principal
        datos = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.sumario,
            "datePublished": (self.first_published_at or timezone.now()).isoformat(),
            "dateModified": (self.last_published_at or timezone.now()).isoformat(),
            "mainEntityOfPage": self.get_full_url(request),
            "publisher": {"@type": "Organization", "name": institucion.nombre},
            "author": {"@type": "Organization", "name": institucion.nombre},
        }
        if foto:
            datos["image"] = [
                request.build_absolute_uri(
                    foto.imagen.get_rendition("fill-1200x630|format-jpeg").url
                )
            ]
        return datos

    @property
    def folio_texto(self):
        """ "Boletín 123/2026", or "" before the first publication."""
        folio = getattr(self, "folio", None) if self.pk else None
        return str(folio) if folio else ""

    @property
    def foto_principal(self):
        """The first photo, used in listings and when the link is shared."""
        fotos = list(self.fotos.all())
        return fotos[0] if fotos else None


@register_snippet
class ContactoPrensa(models.Model):
    """Who answers the media about a boletín."""

    nombre = models.CharField(_("nombre"), max_length=255)
    cargo = models.CharField(_("cargo"), max_length=255, blank=True)
    telefono = models.CharField(_("teléfono"), max_length=60, blank=True)
    correo = models.EmailField(_("correo"), blank=True)

    panels = [
        FieldPanel("nombre"),
        FieldPanel("cargo"),
        FieldPanel("telefono"),
        FieldPanel("correo"),
    ]

    class Meta:
        verbose_name = _("contacto de prensa")
        verbose_name_plural = _("contactos de prensa")
        ordering = ["nombre"]

    def __str__(self):
        return f"{self.nombre} ({self.cargo})" if self.cargo else self.nombre


class BoletinRelacionado(Orderable):
    """A boletín the reader may also want, chosen by the editor."""

    page = ParentalKey(
        BoletinPage, on_delete=models.CASCADE, related_name="relacionados"
    )
    relacionado = models.ForeignKey(
        BoletinPage,
        verbose_name=_("boletín"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("relacionado")]


class BoletinTag(TaggedItemBase):
    """A tag of a boletín (autocompleted in the editor)."""

    content_object = ParentalKey(
        BoletinPage, on_delete=models.CASCADE, related_name="tagged_items"
    )


class BoletinFoto(Orderable):
    """One of the 1 to 5 photos approved with a boletín."""

    page = ParentalKey(BoletinPage, on_delete=models.CASCADE, related_name="fotos")
    imagen = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("imagen"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    pie = models.CharField(_("pie de foto"), max_length=255, blank=True)

    panels = [FieldPanel("imagen"), FieldPanel("pie")]

    class Meta(Orderable.Meta):
        verbose_name = _("fotografía")
        verbose_name_plural = _("fotografías")
