"""The office's approval task (group approval under the four-eyes rule) and urgency."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Task

MENSAJE_CUATRO_OJOS = _(
    "No puedes aprobar un contenido que tú enviaste o editaste por última vez: "
    "otra persona del grupo debe revisarlo."
)


class MotivoObligatorioForm(TaskStateCommentForm):
    """Requesting changes needs a reason the author will read."""

    comment = forms.CharField(
        label=_("Motivo de los cambios"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        error_messages={
            "required": _("Escribe qué hay que cambiar: el autor verá este motivo.")
        },
    )


class ConfirmarPublicacionForm(TaskStateCommentForm):
    """The last approval publishes and distributes: the approver confirms it."""

    comment = forms.CharField(
        label=_("Comentario (opcional)"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )
    confirmar = forms.BooleanField(
        label=_("Confirmo la publicación y el envío"),
        error_messages={
            "required": _("Marca la casilla para confirmar que se publica y se envía.")
        },
    )


class AprobacionCuatroOjosTask(AbstractGroupApprovalTask):
    """Group approval in which nobody approves what they submitted or last edited."""

    class Meta:
        verbose_name = _("aprobación por grupo (cuatro ojos)")
        verbose_name_plural = _("aprobaciones por grupo (cuatro ojos)")

    @classmethod
    def get_description(cls):
        return _(
            "Aprueban los miembros de los grupos elegidos, salvo quien envió o "
            "editó por última vez la versión en revisión (ni siquiera un "
            "superusuario)."
        )

    @staticmethod
    def autores(obj):
        """Who submitted the item in review and who wrote its revisions."""
        task_state = obj.current_workflow_task_state
        ids = set()
        if task_state is not None:
            ids |= {
                task_state.workflow_state.requested_by_id,
                task_state.revision.user_id,
            }
        if getattr(obj, "latest_revision", None) is not None:
            ids.add(obj.latest_revision.user_id)
        return ids - {None}

    @staticmethod
    def es_la_ultima(obj):
        """Whether approving the current task ends the workflow, so publishes."""
        estado = getattr(obj, "current_workflow_state", None)
        if estado is None or estado.current_task_state is None:
            return False
        ultima = (
            Task.objects.filter(
                workflow_tasks__workflow=estado.workflow_id, active=True
            )
            .order_by("-workflow_tasks__sort_order")
            .first()
        )
        return ultima is not None and ultima.pk == estado.current_task_state.task_id

    def get_actions(self, obj, user):
        acciones = super().get_actions(obj, user)
        if user.pk in self.autores(obj):
            return [accion for accion in acciones if accion[0] != "approve"]
        # The action views ask for the actions before rendering the form: the
        # form and its template then know whether this approval publishes.
        self._es_ultima = self.es_la_ultima(obj)
        if self._es_ultima and any(a[0] == "approve" for a in acciones):
            # One approve, always through the confirmation of what it will do.
            acciones = [a for a in acciones if a[0] != "approve"]
            acciones.append(("approve", _("Aprobar y publicar"), True))
        return acciones

    def get_form_for_action(self, action):
        if action == "reject":
            return MotivoObligatorioForm
        if action == "approve":
            tarea = self

            class AprobarForm(ConfirmarPublicacionForm):
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    if not tarea._ultima_en_curso:
                        del self.fields["confirmar"]
                        self.fields["comment"].label = _("Comentario")

            return AprobarForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve" and self._ultima_en_curso:
            return "workflows/confirmar_publicacion.html"
        return super().get_template_for_action(action)

    @property
    def _ultima_en_curso(self):
        """Whether the object last given to :meth:`get_actions` is at its last task."""
        return getattr(self, "_es_ultima", False)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin views already hide the actions; this guards every other path.
        if action_name == "approve" and user.pk in self.autores(
            task_state.workflow_state.content_object
        ):
            raise PermissionDenied(MENSAJE_CUATRO_OJOS)
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied(
                MotivoObligatorioForm.base_fields["comment"].error_messages["required"]
            )
        kwargs.pop("confirmar", None)  # the form's, not Wagtail's
        super().on_action(task_state, user, action_name, **kwargs)
        # The action view follows this address: it says what happened, with a link.
        return reverse("workflows_accion_hecha", args=(task_state.pk,))


class Urgencia(models.Model):
    """An editor's mark that a submission cannot wait (videos extemporáneos)."""

    workflow_state = models.OneToOneField(
        "wagtailcore.WorkflowState",
        verbose_name=_("envío"),
        on_delete=models.CASCADE,
        related_name="urgencia",
    )
    marcada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marcada por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    creada = models.DateTimeField(_("marcada el"), auto_now_add=True)

    class Meta:
        verbose_name = _("urgencia")
        verbose_name_plural = _("urgencias")

    def __str__(self):
        return str(_("Urgente: %(envio)s")) % {"envio": self.workflow_state}


class Retiro(models.Model):
    """A takedown for an error (fe de erratas): why, who, when, and republication."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página"),
        on_delete=models.CASCADE,
        related_name="retiros",
    )
    url = models.CharField(_("dirección pública"), max_length=2048, db_index=True)
    motivo = models.TextField(
        _("motivo"),
        help_text=_(
            "Se publicará en la nota de corrección cuando vuelva a publicarse."
        ),
    )
    retirado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retirado por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    retirado_en = models.DateTimeField(_("retirado el"), auto_now_add=True)
    republicado_en = models.DateTimeField(_("republicado el"), null=True, blank=True)

    class Meta:
        verbose_name = _("retiro por error")
        verbose_name_plural = _("retiros por error")
        ordering = ["-retirado_en"]
        permissions = [("retirar_por_error", _("Puede retirar contenido por error"))]

    def __str__(self):
        return str(_("Retiro de %(url)s")) % {"url": self.url}
