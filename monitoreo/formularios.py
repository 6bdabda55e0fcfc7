"""The small forms of the desk's actions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from home.models import Area

from .models import FormatoImportacion
from .models.menciones import SENTIMIENTOS, TIPOS


class CanalizarForm(forms.Form):
    """The área a mention is channelled to."""

    area = forms.ModelChoiceField(label=_("Área responsable"), queryset=Area.objects)


class TextoForm(forms.Form):
    """The área's answer."""

    texto = forms.CharField(label=_("Texto"), widget=forms.Textarea(attrs={"rows": 4}))


class InformarForm(forms.Form):
    """What the citizen was told, and when."""

    texto = forms.CharField(
        label=_("Lo que se respondió al ciudadano en la red"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    cuando = forms.DateTimeField(
        label=_("Fecha y hora"), required=False, widget=AdminDateTimeInput
    )


class MotivoForm(forms.Form):
    """Why a mention gets no answer."""

    motivo = forms.CharField(label=_("Motivo para no responder"), max_length=255)


class ClasificarForm(forms.Form):
    """The bulk classification: only the fields filled in change."""

    tipo = forms.ChoiceField(
        label=_("Tipo"), choices=[("", "—"), *TIPOS], required=False
    )
    sentimiento = forms.ChoiceField(
        label=_("Sentimiento"), choices=[("", "—"), *SENTIMIENTOS], required=False
    )
    tema = forms.CharField(label=_("Tema"), max_length=120, required=False)
    area = forms.ModelChoiceField(
        label=_("Área"), queryset=Area.objects, required=False
    )

    def clean(self):
        datos = super().clean()
        if not any(datos.get(c) for c in ("tipo", "sentimiento", "tema", "area")):
            raise forms.ValidationError(_("Elige al menos un dato de clasificación."))
        return datos


class RangoForm(forms.Form):
    """A date range for re-running the rules."""

    desde = forms.DateField(label=_("Desde"), widget=AdminDateInput)
    hasta = forms.DateField(label=_("Hasta"), widget=AdminDateInput)

    def clean(self):
        datos = super().clean()
        if (
            datos.get("desde")
            and datos.get("hasta")
            and datos["hasta"] < datos["desde"]
        ):
            raise forms.ValidationError(
                _("La fecha final no puede ser anterior a la inicial.")
            )
        return datos


class ImportarForm(forms.Form):
    """A CSV file and the source it comes from."""

    formato = forms.ModelChoiceField(
        label=_("Fuente del archivo"), queryset=FormatoImportacion.objects
    )
    archivo = forms.FileField(label=_("Archivo CSV"))

    def clean_archivo(self):
        archivo = self.cleaned_data["archivo"]
        if archivo.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("El archivo pasa de 5 MB; divídelo."))
        return archivo


class FechaForm(forms.Form):
    """The day of a monitoring report."""

    fecha = forms.DateField(label=_("Fecha del reporte"), widget=AdminDateInput)

    def clean_fecha(self):
        fecha = self.cleaned_data["fecha"]
        if fecha > timezone.localdate():
            raise forms.ValidationError(_("No se genera el reporte de un día futuro."))
        return fecha
