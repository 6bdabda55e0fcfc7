"""The weekly agenda: its events and the public agenda page."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    WorkflowMixin,
)

from cms.paginas import PublicaSoloPorFlujo
from home.models import InstitucionSettings

from ..pdf import agenda_pdf


class Evento(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    """An event on the office's weekly agenda (ICM manual, procedure CS02).

    A snippet with drafts, revisions and a workflow: the row holds the approved
    (live) version, and only live events reach ``/agenda/`` and the Monday e-mail.
    """

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

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="evento")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="evento",
        for_concrete_model=False,
    )

    class Meta:
        verbose_name = _("evento de la agenda")
        verbose_name_plural = _("eventos de la agenda")
        ordering = ["fecha", "hora"]

    def __str__(self):
        return f"{self.fecha:%d/%m/%Y} {self.hora:%H:%M} — {self.titulo}"

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def de_la_semana(cls, lunes):
        """The approved public events from ``lunes`` to the next Sunday, in order."""
        return (
            cls.objects.filter(
                live=True,
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


class AgendaPage(PublicaSoloPorFlujo, RoutablePageMixin, Page):
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
        lunes = self.semana_pedida(request)
        contenido = agenda_pdf(
            lunes, Evento.de_la_semana(lunes), InstitucionSettings.for_request(request)
        )
        respuesta = HttpResponse(contenido, content_type="application/pdf")
        respuesta["Content-Disposition"] = f'inline; filename="agenda-{lunes}.pdf"'
        return respuesta
