"""Press releases: the newsroom and the boletín itself."""

import datetime
import hashlib

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.consulta import entero

from .blocks import CuerpoBlock

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
        from urllib.parse import urlencode

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
        from home.models import Area

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


class BoletinIndexPage(RoutablePageMixin, Page):
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

    def get_cached_paths(self):
        """The listing and its feeds: the caching proxy purges them together."""
        return ["/", "/feed/", "/feed/atom/"]

    @path("feed/")
    def feed_rss(self, request):
        """RSS 2.0 of the latest boletines."""
        from .feeds import BoletinesFeed

        return BoletinesFeed(self)(request)

    @path("feed/atom/")
    def feed_atom(self, request):
        """Atom of the latest boletines."""
        from .feeds import BoletinesAtomFeed

        return BoletinesAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        from cms.cache.memoria import memorizar

        context = super().get_context(request, *args, **kwargs)
        filtros = FiltrosBoletin(request.GET)
        boletines = filtros.aplicar(BoletinPage.publicados(self)).defer("cuerpo")
        paginador = Paginator(boletines, self.por_pagina)
        # The count and the filter choices change only when something is published.
        paginador.count = memorizar(
            f"sala:{self.pk}:cuenta:{filtros.clave()}", boletines.count, request
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
            )
        )
        return context


MIN_FOTOS, MAX_FOTOS = 1, 5


class BoletinPageForm(WagtailAdminPageForm):
    """A boletín is approved with 1 to 5 photos, each with alt text and credit."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets["fotos"]
        formset.is_valid()  # cleans each photo's form, even past the maximum
        datos = [getattr(form, "cleaned_data", {}) for form in formset.forms]
        fotos = [d["imagen"] for d in datos if d.get("imagen") and not d.get("DELETE")]
        if not MIN_FOTOS <= len(fotos) <= MAX_FOTOS:
            self.add_error(
                None,
                _("Un boletín lleva de 1 a 5 fotografías; este tiene %(n)s.")
                % {"n": len(fotos)},
            )
        for imagen in fotos:
            faltan = [
                nombre
                for nombre, valor in (
                    (_("texto alternativo"), imagen.description),
                    (_("crédito"), imagen.credito),
                )
                if not valor.strip()
            ]
            if faltan:
                self.add_error(
                    None,
                    _(
                        "A la fotografía «%(titulo)s» le falta %(faltan)s: "
                        "agrégalo en Imágenes antes de enviar el boletín."
                    )
                    % {"titulo": imagen.title, "faltan": " y ".join(map(str, faltan))},
                )
        return cleaned_data


class BoletinPage(RoutablePageMixin, Page):
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

    content_panels = Page.content_panels + [
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
    ]
    search_fields = Page.search_fields + [
        index.SearchField("sumario"),
        index.SearchField("cuerpo"),
        index.FilterField("fecha"),
    ]
    parent_page_types = ["boletines.BoletinIndexPage"]
    subpage_types = []
    base_form_class = BoletinPageForm

    class Meta:
        verbose_name = _("boletín")
        verbose_name_plural = _("boletines")

    @classmethod
    def publicados(cls, raiz):
        """Live boletines under ``raiz``, newest first, with their photos loaded."""
        fotos = Prefetch("fotos", queryset=BoletinFoto.objects.select_related("imagen"))
        return (
            cls.objects.live()
            .descendant_of(raiz)
            .order_by("-fecha", "-first_published_at", "-pk")
            .prefetch_related(fotos)
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
        context["relacionados"] = BoletinPage.objects.live().filter(
            pk__in=self.relacionados.values("relacionado")
        )
        hermanos = BoletinPage.objects.live().sibling_of(self, inclusive=False)
        orden = ("fecha", "first_published_at", "pk")
        context["anterior"] = SimpleLazyObject(
            lambda: (
                hermanos.filter(fecha__lte=self.fecha)
                .exclude(fecha=self.fecha, pk__gt=self.pk)
                .order_by(*(f"-{c}" for c in orden))
                .first()
            )
        )
        context["siguiente"] = SimpleLazyObject(
            lambda: (
                hermanos.filter(fecha__gte=self.fecha)
                .exclude(fecha=self.fecha, pk__lt=self.pk)
                .order_by(*orden)
                .first()
            )
        )
        return context

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
        from django.http import HttpResponse

        from home.models import InstitucionSettings

        from .pdf import boletin_pdf

        contenido = boletin_pdf(self, InstitucionSettings.for_request(request))
        respuesta = HttpResponse(contenido, content_type="application/pdf")
        nombre = self.folio_texto.replace("Boletín ", "boletin-").replace("/", "-")
        respuesta["Content-Disposition"] = (
            f'inline; filename="{nombre or self.slug}.pdf"'
        )
        return respuesta

    def datos_estructurados(self, request):
        """schema.org NewsArticle, for search engines."""
        from home.models import InstitucionSettings

        institucion = InstitucionSettings.for_request(request)
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


class ContadorFolio(models.Model):
    """The last folio number given in a year; locked while allocating the next."""

    anio = models.PositiveSmallIntegerField(_("año"), unique=True)
    ultimo = models.PositiveIntegerField(_("último folio"), default=0)

    class Meta:
        verbose_name = _("contador de folios")
        verbose_name_plural = _("contadores de folios")

    def __str__(self):
        return f"{self.anio}: {self.ultimo}"


class Folio(models.Model):
    """The number a boletín received at its first publication; it is never reused."""

    boletin = models.OneToOneField(
        BoletinPage,
        verbose_name=_("boletín"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="folio",
    )
    anio = models.PositiveSmallIntegerField(_("año"))
    numero = models.PositiveIntegerField(_("número"))
    titulo = models.CharField(_("título al asignarse"), max_length=255)
    asignado = models.DateTimeField(_("asignado el"), auto_now_add=True)

    class Meta:
        verbose_name = _("folio")
        verbose_name_plural = _("folios")
        permissions = [("ver_indicadores", _("Puede ver los indicadores de boletines"))]
        constraints = [
            models.UniqueConstraint(
                fields=["anio", "numero"], name="folio_unico_por_anio"
            )
        ]

    def __str__(self):
        return f"Boletín {self.numero}/{self.anio}"


class ListaDistribucionForm(WagtailAdminModelForm):
    """The default list must reach the state government's communication office."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("predeterminada"):
            formset = self.formsets["contactos"]
            formset.is_valid()
            tipos = {
                form.cleaned_data.get("tipo")
                for form in formset.forms
                if getattr(form, "cleaned_data", None)
                and not form.cleaned_data.get("DELETE")
            }
            if ContactoDistribucion.GOBIERNO_ESTATAL not in tipos:
                self.add_error(
                    "predeterminada",
                    _(
                        "La lista predeterminada debe incluir a la Coordinación de "
                        "Comunicación Social del Gobierno del Estado (un contacto "
                        "de tipo «Gobierno del Estado»)."
                    ),
                )
        return cleaned_data


@register_snippet
class ListaDistribucion(ClusterableModel):
    """A list of media contacts a boletín is sent to on publication."""

    nombre = models.CharField(_("nombre"), max_length=255, unique=True)
    predeterminada = models.BooleanField(
        _("predeterminada"),
        default=False,
        help_text=_("Se envían a ella todos los boletines y la agenda semanal."),
    )

    panels = [
        FieldPanel("nombre"),
        FieldPanel("predeterminada"),
        InlinePanel("contactos", label=_("Contacto"), heading=_("Contactos")),
    ]
    base_form_class = ListaDistribucionForm

    class Meta:
        verbose_name = _("lista de distribución")
        verbose_name_plural = _("listas de distribución")
        ordering = ["-predeterminada", "nombre"]

    def __str__(self):
        return self.nombre


class ContactoDistribucion(Orderable):
    """A journalist, outlet or office on a distribution list."""

    GOBIERNO_ESTATAL = "gobierno"
    TIPOS = [
        ("prensa", _("Prensa escrita")),
        ("radio", _("Radio")),
        ("television", _("Televisión")),
        ("digital", _("Medio digital")),
        ("agencia", _("Agencia de noticias")),
        (GOBIERNO_ESTATAL, _("Gobierno del Estado")),
    ]

    lista = ParentalKey(
        ListaDistribucion, on_delete=models.CASCADE, related_name="contactos"
    )
    nombre = models.CharField(_("nombre"), max_length=255)
    medio = models.CharField(_("medio"), max_length=255)
    tipo = models.CharField(_("tipo de medio"), max_length=20, choices=TIPOS)
    correo = models.EmailField(_("correo"))

    panels = [
        FieldPanel("nombre"),
        FieldPanel("medio"),
        FieldPanel("tipo"),
        FieldPanel("correo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contacto")
        verbose_name_plural = _("contactos")

    def __str__(self):
        return f"{self.nombre} ({self.medio}) <{self.correo}>"


class Distribucion(models.Model):
    """One sending round: a boletín, its fe de erratas, or a week's agenda."""

    BOLETIN, FE_DE_ERRATAS, AGENDA = "boletin", "erratas", "agenda"
    TIPOS = [
        (BOLETIN, _("Boletín")),
        (FE_DE_ERRATAS, _("Fe de erratas")),
        (AGENDA, _("Agenda semanal")),
    ]

    tipo = models.CharField(_("tipo"), max_length=10, choices=TIPOS)
    boletin = models.ForeignKey(
        BoletinPage,
        verbose_name=_("boletín"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="distribuciones",
    )
    retiro = models.ForeignKey(
        "workflows.Retiro",
        verbose_name=_("retiro que corrige"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    semana = models.DateField(_("semana (lunes)"), null=True, blank=True)
    asunto = models.CharField(_("asunto"), max_length=255)
    creada = models.DateTimeField(_("creada"), auto_now_add=True)

    class Meta:
        verbose_name = _("distribución")
        verbose_name_plural = _("distribuciones")
        ordering = ["-creada"]
        constraints = [
            # Each boletín, correction and week goes out once, whatever the
            # number of publications or scheduler processes.
            models.UniqueConstraint(
                fields=["boletin"],
                condition=models.Q(tipo="boletin"),
                name="un_envio_por_boletin",
            ),
            models.UniqueConstraint(
                fields=["retiro"],
                condition=models.Q(tipo="erratas"),
                name="una_fe_de_erratas_por_retiro",
            ),
            models.UniqueConstraint(
                fields=["semana"],
                condition=models.Q(tipo="agenda"),
                name="una_agenda_por_semana",
            ),
        ]

    def __str__(self):
        return self.asunto


class Envio(models.Model):
    """One delivery to one recipient: who, when, how it went."""

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

    distribucion = models.ForeignKey(
        Distribucion,
        verbose_name=_("distribución"),
        on_delete=models.CASCADE,
        related_name="envios",
    )
    nombre = models.CharField(_("destinatario"), max_length=255)
    medio = models.CharField(_("medio"), max_length=255, blank=True)
    correo = models.EmailField(_("correo"))
    estado = models.CharField(
        _("estado"), max_length=12, choices=ESTADOS, default=PENDIENTE
    )
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    ultimo_error = models.TextField(_("último error"), blank=True)
    proximo_intento = models.DateTimeField(_("próximo intento"), null=True, blank=True)
    enviado_en = models.DateTimeField(_("enviado el"), null=True, blank=True)
    creado = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        verbose_name = _("envío")
        verbose_name_plural = _("envíos")
        ordering = ["-creado", "correo"]
        permissions = [("reintentar_envio", _("Puede reintentar un envío fallido"))]

    def __str__(self):
        return f"{self.distribucion} → {self.correo}"


@register_snippet
class Evento(models.Model):
    """An event on the office's weekly agenda (ICM manual, procedure CS02)."""

    titulo = models.CharField(_("título"), max_length=255)
    fecha = models.DateField(_("fecha"))
    hora = models.TimeField(_("hora"))
    lugar = models.CharField(_("lugar"), max_length=255)
    area = models.ForeignKey(
        "home.Area",
        verbose_name=_("área o plantel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    descripcion = models.TextField(_("descripción"), blank=True)
    publico = models.BooleanField(
        _("público"),
        default=True,
        help_text=_("Aparece en la agenda del sitio y en el correo semanal."),
    )

    panels = [
        FieldPanel("titulo"),
        MultiFieldPanel(
            [FieldPanel("fecha"), FieldPanel("hora"), FieldPanel("lugar")],
            heading=_("Cuándo y dónde"),
        ),
        FieldPanel("area"),
        FieldPanel("descripcion"),
        FieldPanel("publico"),
    ]

    class Meta:
        verbose_name = _("evento de la agenda")
        verbose_name_plural = _("eventos de la agenda")
        ordering = ["fecha", "hora"]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y} {self.hora:%H:%M} — {self.titulo}"

    @classmethod
    def de_la_semana(cls, lunes):
        """The public events from ``lunes`` to the next Sunday, in order."""
        return (
            cls.objects.filter(
                publico=True,
                fecha__gte=lunes,
                fecha__lte=lunes + datetime.timedelta(days=6),
            )
            .select_related("area")
            .order_by("fecha", "hora")
        )


def lunes_de(fecha):
    """The Monday that opens ``fecha``'s week."""
    return fecha - datetime.timedelta(days=fecha.weekday())


class AgendaPage(RoutablePageMixin, Page):
    """The public weekly agenda: ``?semana=AAAA-MM-DD`` picks the week."""

    intro = RichTextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    @staticmethod
    def semana_pedida(request):
        try:
            fecha = datetime.date.fromisoformat(request.GET.get("semana", ""))
        except ValueError:
            fecha = timezone.localdate()
        return lunes_de(fecha)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lunes = self.semana_pedida(request)
        eventos = list(Evento.de_la_semana(lunes))
        dias = [lunes + datetime.timedelta(days=n) for n in range(7)]
        context.update(
            lunes=lunes,
            domingo=dias[-1],
            dias=[(dia, [e for e in eventos if e.fecha == dia]) for dia in dias],
            hay_eventos=bool(eventos),
            anterior=lunes - datetime.timedelta(days=7),
            siguiente=lunes + datetime.timedelta(days=7),
            hoy=timezone.localdate(),
        )
        return context

    @path("pdf/")
    def pdf(self, request):
        """The week's agenda as a printable PDF."""
        from django.http import HttpResponse

        from home.models import InstitucionSettings

        from .pdf import agenda_pdf

        lunes = self.semana_pedida(request)
        contenido = agenda_pdf(
            lunes, Evento.de_la_semana(lunes), InstitucionSettings.for_request(request)
        )
        respuesta = HttpResponse(contenido, content_type="application/pdf")
        respuesta["Content-Disposition"] = f'inline; filename="agenda-{lunes}.pdf"'
        return respuesta
