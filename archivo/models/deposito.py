"""The records' write-once store: each covered file, named by its SHA-256.

``docs/resguardo.md`` explains the mechanism; ``archivo/deposito.py`` writes,
copies out and checks the files.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .disposiciones import Disposicion
from .registros import Registro


class ArchivoResguardado(models.Model):
    """A file a record covers, copied at publication and never overwritten."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    nombre = models.CharField(_("nombre original"), max_length=255)
    tamano = models.PositiveBigIntegerField(_("tamaño (bytes)"))
    ruta = models.CharField(_("ruta en el resguardo"), max_length=500)
    resguardado = models.DateTimeField(_("resguardado el"), auto_now_add=True)
    registros = models.ManyToManyField(
        Registro,
        verbose_name=_("registros"),
        related_name="archivos_resguardados",
    )
    # Only an executed disposal removes the bytes; the row stays as the trace.
    eliminado_en = models.DateTimeField(_("eliminado el"), null=True, blank=True)
    eliminado_por = models.ForeignKey(
        Disposicion,
        verbose_name=_("eliminado por la disposición"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="archivos_eliminados",
    )

    class Meta:
        verbose_name = _("archivo resguardado")
        verbose_name_plural = _("archivos resguardados")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.sha256[:12]}… {self.nombre}"


class VerificacionFijeza(models.Model):
    """One run of ``verificar_registros``: every stored file hashed again."""

    iniciada = models.DateTimeField(_("iniciada el"))
    terminada = models.DateTimeField(_("terminada el"), null=True)
    revisados = models.PositiveIntegerField(_("archivos revisados"), default=0)
    # [{"sha256": …, "nombre": …, "ruta": …}], and for altered ones "encontrado".
    faltantes = models.JSONField(_("archivos faltantes"), default=list)
    alterados = models.JSONField(_("archivos alterados"), default=list)
    versionado = models.CharField(
        _("versionado del resguardo"),
        max_length=40,
        blank=True,
        help_text=_("En S3: el estado del versionado de la cubeta."),
    )

    class Meta:
        verbose_name = _("verificación de fijeza")
        verbose_name_plural = _("verificaciones de fijeza")
        ordering = ["-iniciada", "-pk"]
        get_latest_by = "iniciada"

    def __str__(self):
        return str(_("Verificación del %(fecha)s")) % {
            "fecha": self.iniciada.strftime("%d/%m/%Y %H:%M")
        }

    @property
    def correcta(self):
        """Every file present and unchanged."""
        return not self.faltantes and not self.alterados
