"""Distribution to the media: lists, contacts, sending rounds and deliveries."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet

from .paginas import BoletinPage


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
