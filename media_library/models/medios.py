"""Images and documents with credit, licence, origin and public flag."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from cms.consulta import entero


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
            "Lo que usan las páginas publicadas aparece solo; marca esta casilla "
            "para mostrar también lo que no esté en ninguna. Solo la Titular puede "
            "hacerlo y queda en el registro de actividad."
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
        permissions = [
            (
                "mostrar_en_mediateca",
                _("Puede mostrar imágenes y documentos en la mediateca pública"),
            )
        ]

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
