"""The music register: royalty-free tracks and their proof."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Musica(models.Model):
    """The music register: only royalty-free tracks, each with its proof."""

    pista = models.CharField(_("pista"), max_length=255)
    autor = models.CharField(_("autor"), max_length=255)
    licencia = models.CharField(
        _("licencia"),
        max_length=255,
        help_text=_("Por ejemplo: «Creative Commons BY 4.0», «Dominio público»."),
    )
    comprobante = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("comprobante de licencia libre"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Documento que prueba que la pista es libre de regalías."),
    )

    panels = [
        FieldPanel("pista"),
        FieldPanel("autor"),
        FieldPanel("licencia"),
        FieldPanel("comprobante"),
    ]

    class Meta:
        verbose_name = _("pista musical")
        verbose_name_plural = _("registro de música")
        ordering = ["pista"]

    def __str__(self):
        return f"{self.pista} — {self.autor} ({self.licencia})"
