"""Records and their snapshots: what was published, kept for its retention period."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .catalogo import SerieDocumental


def sumar_anios(fecha, anios):
    """``fecha`` plus whole years; 29 February falls back to the 28th."""
    try:
        return fecha.replace(year=fecha.year + anios)
    except ValueError:
        return fecha.replace(year=fecha.year + anios, day=28)


class RegistroQuerySet(models.QuerySet):
    def de_objeto(self, objeto):
        """The records of ``objeto`` (a page, image or document), by generic key."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(
                objeto, for_concrete_model=False
            ),
            object_id=str(objeto.pk),
        )

    def en_estado(self, estado, hoy=None):
        """Records in ``estado``; trámite and concentración follow from the dates."""
        hoy = hoy or timezone.localdate()
        vigentes = Q(disposicion="")
        if estado == Registro.EN_TRAMITE:
            return self.filter(vigentes, Q(fin_tramite__gt=hoy) | Q(fin_tramite=None))
        if estado == Registro.EN_CONCENTRACION:
            return self.filter(vigentes, fin_tramite__lte=hoy)
        return self.filter(disposicion=estado)

    def por_vencer(self, dias, hoy=None):
        """Records whose current stage ends within ``dias`` days."""
        hoy = hoy or timezone.localdate()
        limite = hoy + datetime.timedelta(days=dias)
        return self.filter(disposicion="").filter(
            Q(fin_tramite__gt=hoy, fin_tramite__lte=limite)
            | Q(fin_tramite__lte=hoy, fin_concentracion__gt=hoy)
            & Q(fin_concentracion__lte=limite)
        )


class Registro(models.Model):
    """The archival record of one published item; it outlives the item itself.

    Not in Wagtail's search index: the workspace searches the database, or its own
    Elasticsearch index (``documents.py``) when one is configured.
    """

    EN_TRAMITE, EN_CONCENTRACION = "tramite", "concentracion"
    TRANSFERIDO, BAJA, HISTORICO = "transferido", "baja", "historico"
    ESTADOS = [
        (EN_TRAMITE, _("En trámite")),
        (EN_CONCENTRACION, _("En concentración")),
        (TRANSFERIDO, _("Transferido")),
        (BAJA, _("Dado de baja")),
        (HISTORICO, _("Conservación histórica")),
    ]
    DISPOSICIONES = [("", _("Sin disposición"))] + ESTADOS[2:]

    serie = models.ForeignKey(
        SerieDocumental,
        verbose_name=_("serie documental"),
        null=True,
        on_delete=models.PROTECT,
        related_name="registros",
    )
    folio = models.CharField(_("folio"), max_length=60, blank=True)
    titulo = models.CharField(_("título"), max_length=255)
    tipo = models.CharField(_("tipo"), max_length=60)
    area = models.CharField(_("área o plantel"), max_length=255, blank=True)
    responsable = models.CharField(
        _("responsable"),
        max_length=255,
        blank=True,
        help_text=_("Quien autorizó la última publicación."),
    )
    url = models.CharField(_("dirección pública"), max_length=500, blank=True)
    # A generic key without a foreign key: the record survives the item's deletion.
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("tipo de contenido"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.CharField(_("identificador del contenido"), max_length=64)
    abierto = models.DateTimeField(_("apertura (primera publicación)"))
    ultima_accion = models.CharField(_("última acción"), max_length=255)
    ultima_accion_en = models.DateTimeField(_("fecha de la última acción"))
    fin_tramite = models.DateField(_("fin del plazo en trámite"), null=True)
    fin_concentracion = models.DateField(_("fin del plazo en concentración"), null=True)
    disposicion = models.CharField(
        _("disposición"), max_length=12, choices=DISPOSICIONES, blank=True
    )
    reserva = models.BooleanField(_("en reserva"), default=False)
    reserva_motivo = models.TextField(_("motivo de la reserva"), blank=True)
    reserva_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reservado por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reserva_desde = models.DateTimeField(_("reservado desde"), null=True, blank=True)
    # Lifting a hold is asked for by the Archivo and approved by the Titular.
    levantamiento_motivo = models.TextField(
        _("motivo para levantar la reserva"), blank=True
    )
    levantamiento_pedido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("levantamiento pedido por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    levantamiento_pedido_en = models.DateTimeField(
        _("levantamiento pedido el"), null=True, blank=True
    )

    objects = RegistroQuerySet.as_manager()

    class Meta:
        verbose_name = _("registro")
        verbose_name_plural = _("registros")
        ordering = ["-abierto", "-pk"]
        permissions = [
            ("reservar_registro", _("Puede poner y quitar la reserva de un registro")),
            ("exportar_registros", _("Puede exportar registros e inventarios")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="un_registro_por_contenido"
            )
        ]
        indexes = [
            models.Index(fields=["fin_tramite"]),
            models.Index(fields=["fin_concentracion"]),
        ]

    def __str__(self):
        return f"{self.folio} {self.titulo}".strip()

    def calcular_plazos(self):
        """Retention dates from the opening date and the series' periods."""
        if self.serie is None:
            self.fin_tramite = self.fin_concentracion = None
            return
        apertura = timezone.localtime(self.abierto).date()
        self.fin_tramite = sumar_anios(apertura, self.serie.plazo_tramite)
        self.fin_concentracion = sumar_anios(
            self.fin_tramite, self.serie.plazo_concentracion
        )

    def estado_en(self, hoy=None):
        """The record's status on ``hoy``: disposition first, then the dates."""
        if self.disposicion:
            return self.disposicion
        hoy = hoy or timezone.localdate()
        if self.fin_tramite is None or hoy < self.fin_tramite:
            return self.EN_TRAMITE
        return self.EN_CONCENTRACION

    @property
    def estado(self):
        return self.estado_en()

    def get_estado_display(self):
        return dict(self.ESTADOS)[self.estado]

    get_estado_display.short_description = _("estado")

    def motivo_de_conservacion(self, hoy=None):
        """Why the item may not be deleted today, in Spanish; None if it may."""
        if self.reserva:
            return _(
                "el registro «%(titulo)s» está en reserva desde el %(desde)s: "
                "%(motivo)s. Se conserva mientras dure la reserva, sin importar "
                "sus plazos."
            ) % {
                "titulo": self.titulo,
                "desde": _fecha(self.reserva_desde),
                "motivo": self.reserva_motivo,
            }
        if self.disposicion in (self.BAJA, self.TRANSFERIDO):
            return None
        if self.serie is None:
            return _(
                "el registro «%(titulo)s» no tiene serie documental; el Archivo "
                "debe clasificarlo antes de decidir su destino."
            ) % {"titulo": self.titulo}
        hoy = hoy or timezone.localdate()
        if hoy < self.fin_concentracion:
            return _(
                "el registro «%(titulo)s» (serie %(serie)s) debe conservarse hasta "
                "el %(fin)s: %(tramite)s año(s) en trámite y %(concentracion)s en "
                "concentración desde su publicación el %(abierto)s."
            ) % {
                "titulo": self.titulo,
                "serie": self.serie,
                "fin": _fecha(self.fin_concentracion),
                "tramite": self.serie.plazo_tramite,
                "concentracion": self.serie.plazo_concentracion,
                "abierto": _fecha(self.abierto),
            }
        if self.serie.destino_final == SerieDocumental.HISTORICO:
            return _(
                "el registro «%(titulo)s» es de conservación histórica y aún no se "
                "transfiere al archivo histórico."
            ) % {"titulo": self.titulo}
        return None

    def clean(self):
        if self.reserva and not self.reserva_motivo.strip():
            raise ValidationError({"reserva_motivo": _("Explica por qué se reserva.")})


def _fecha(valor):
    if isinstance(valor, datetime.datetime):
        valor = timezone.localtime(valor).date()
    return valor.strftime("%d/%m/%Y") if valor else ""


class InstantaneaInmutable(Exception):
    """A snapshot is the record: it is never changed or deleted."""


class InstantaneaQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise InstantaneaInmutable(_("Las instantáneas no se modifican."))

    def delete(self):
        raise InstantaneaInmutable(_("Las instantáneas no se borran."))

    # Django's bulk helpers that write existing rows go through these too.
    def bulk_update(self, objs, fields, batch_size=None):
        raise InstantaneaInmutable(_("Las instantáneas no se modifican."))


class Instantanea(models.Model):
    """The frozen content of one published revision: JSON, HTML and file hashes."""

    registro = models.ForeignKey(
        Registro,
        verbose_name=_("registro"),
        on_delete=models.PROTECT,
        related_name="instantaneas",
    )
    revision_id = models.PositiveBigIntegerField(_("revisión"), null=True)
    publicada = models.DateTimeField(_("publicada el"))
    publicada_por = models.CharField(_("publicada por"), max_length=255, blank=True)
    titulo = models.CharField(_("título"), max_length=255)
    contenido = models.JSONField(_("contenido"))
    html = models.TextField(_("HTML publicado"), blank=True)
    # [{"modelo": "media_library.imagen", "id": "3", "titulo": …, "archivo": …,
    #   "sha256": …, "tamano": …}]
    archivos = models.JSONField(_("archivos adjuntos"), default=list)

    objects = InstantaneaQuerySet.as_manager()

    class Meta:
        verbose_name = _("instantánea")
        verbose_name_plural = _("instantáneas")
        ordering = ["registro", "publicada", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registro", "revision_id"], name="una_instantanea_por_revision"
            )
        ]

    def __str__(self):
        return f"{self.titulo} ({_fecha(self.publicada)})"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise InstantaneaInmutable(_("Las instantáneas no se modifican."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise InstantaneaInmutable(_("Las instantáneas no se borran."))
