"""Records management: the disposition catalogue, the records and their snapshots.

Terms follow the Ley General de Archivos (2018): a *serie documental* of the
*Cuadro General de Clasificación Archivística* sets how long its records stay in the
*archivo de trámite* and then in the *archivo de concentración*, and their final
destination. ``docs/archivo.md`` explains the mechanism.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


def sumar_anios(fecha, anios):
    """``fecha`` plus whole years; 29 February falls back to the 28th."""
    try:
        return fecha.replace(year=fecha.year + anios)
    except ValueError:
        return fecha.replace(year=fecha.year + anios, day=28)


@register_snippet
class SerieDocumental(index.Indexed, models.Model):
    """A series of the classification chart, with its disposition rule."""

    BAJA, HISTORICO = "baja", "historico"
    DESTINOS = [
        (BAJA, _("Baja documental")),
        (HISTORICO, _("Conservación histórica")),
    ]
    ELECTRONICO, PAPEL, AMBOS = "electronico", "papel", "ambos"
    SOPORTES = [
        (ELECTRONICO, _("Electrónico")),
        (PAPEL, _("Papel")),
        (AMBOS, _("Electrónico y papel")),
    ]

    fondo = models.CharField(
        _("fondo"), max_length=20, help_text=_("Clave de la institución, p. ej. CETEC.")
    )
    seccion = models.CharField(
        _("sección"),
        max_length=20,
        help_text=_("Clave de la sección, p. ej. 4C (Comunicación Social)."),
    )
    serie = models.CharField(_("serie"), max_length=20, help_text=_("p. ej. 4C.3"))
    nombre = models.CharField(_("nombre"), max_length=255)
    valor_administrativo = models.BooleanField(_("valor administrativo"), default=True)
    valor_legal = models.BooleanField(_("valor legal"), default=False)
    valor_fiscal = models.BooleanField(_("valor fiscal o contable"), default=False)
    plazo_tramite = models.PositiveSmallIntegerField(
        _("plazo en archivo de trámite (años)")
    )
    plazo_concentracion = models.PositiveSmallIntegerField(
        _("plazo en archivo de concentración (años)"), default=0
    )
    destino_final = models.CharField(
        _("destino final"), max_length=10, choices=DESTINOS, default=BAJA
    )
    soporte = models.CharField(
        _("soporte"), max_length=12, choices=SOPORTES, default=ELECTRONICO
    )
    puesto_responsable = models.CharField(_("puesto responsable"), max_length=255)
    ubicacion = models.CharField(_("ubicación"), max_length=255)

    panels = [
        FieldRowPanel(
            [FieldPanel("fondo"), FieldPanel("seccion"), FieldPanel("serie")],
            heading=_("Código de clasificación"),
        ),
        FieldPanel("nombre"),
        FieldRowPanel(
            [
                FieldPanel("valor_administrativo"),
                FieldPanel("valor_legal"),
                FieldPanel("valor_fiscal"),
            ],
            heading=_("Valores documentales"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("plazo_tramite"), FieldPanel("plazo_concentracion")]
                ),
                FieldPanel("destino_final"),
            ],
            heading=_("Plazos de conservación"),
        ),
        FieldPanel("soporte"),
        FieldPanel("puesto_responsable"),
        FieldPanel("ubicacion"),
    ]
    search_fields = [
        index.SearchField("nombre"),
        index.AutocompleteField("nombre"),
        index.SearchField("serie"),
    ]

    class Meta:
        verbose_name = _("serie documental")
        verbose_name_plural = _("series documentales")
        ordering = ["fondo", "seccion", "serie"]
        constraints = [
            models.UniqueConstraint(
                fields=["fondo", "seccion", "serie"], name="codigo_de_serie_unico"
            )
        ]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"

    @property
    def codigo(self):
        """The full classification code, e.g. "CETEC/4C/4C.3"."""
        return f"{self.fondo}/{self.seccion}/{self.serie}"

    @property
    def valores(self):
        """The documentary values, as the catalogue lists them."""
        nombres = [
            (self.valor_administrativo, _("administrativo")),
            (self.valor_legal, _("legal")),
            (self.valor_fiscal, _("fiscal-contable")),
        ]
        return ", ".join(str(nombre) for tiene, nombre in nombres if tiene)

    @classmethod
    def por_codigo(cls, codigo):
        """The series with code ``fondo/seccion/serie`` or bare ``serie``; or None."""
        partes = codigo.split("/")
        if len(partes) == 3:
            filtro = dict(zip(("fondo", "seccion", "serie"), partes, strict=True))
        else:
            filtro = {"serie": codigo}
        return cls.objects.filter(**filtro).first()


def tipos_registrables():
    """Only content types that registered with archivo can be assigned a series."""
    from .registro import registrados

    tipos = ContentType.objects.get_for_models(*(r.modelo for r in registrados()))
    return Q(pk__in=[t.pk for t in tipos.values()])


@register_snippet
class AsignacionSerie(models.Model):
    """The series a content type, or one item of it, files its records under.

    Without ``object_id`` it replaces the series the content type registered with;
    with it, it classifies that single item differently.
    """

    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("tipo de contenido"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=tipos_registrables,
    )
    object_id = models.CharField(
        _("elemento"),
        max_length=64,
        blank=True,
        help_text=_(
            "Identificador del elemento (el de su registro). Vacío: todos los "
            "elementos de este tipo."
        ),
    )
    serie = models.ForeignKey(
        SerieDocumental,
        verbose_name=_("serie documental"),
        on_delete=models.PROTECT,
        related_name="asignaciones",
    )

    panels = [FieldPanel("content_type"), FieldPanel("object_id"), FieldPanel("serie")]

    class Meta:
        verbose_name = _("asignación de serie")
        verbose_name_plural = _("asignaciones de serie")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="una_serie_por_elemento"
            )
        ]

    def __str__(self):
        elemento = self.object_id or _("todos")
        return f"{self.content_type.name} ({elemento}) → {self.serie}"


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
    Elasticsearch index (``indice.py``) when one is configured.
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


class ExportacionRegistros(models.Model):
    """An export the archivist asked for in the admin, built by a background task."""

    PENDIENTE, LISTA, FALLIDA = "pendiente", "lista", "fallida"
    ESTADOS = [
        (PENDIENTE, _("En preparación")),
        (LISTA, _("Lista para descargar")),
        (FALLIDA, _("Falló")),
    ]
    FORMATOS = [
        ("csv", "CSV"),
        ("xlsx", "XLSX"),
        ("json", "JSON"),
        ("bagit", _("Paquete BagIt (ZIP)")),
    ]

    solicitada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitada por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    formato = models.CharField(_("formato"), max_length=5, choices=FORMATOS)
    filtros = models.JSONField(_("filtros"), default=dict, blank=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=ESTADOS, default=PENDIENTE
    )
    archivo = models.FileField(
        _("archivo"), upload_to="archivo/exportaciones/", blank=True
    )
    registros = models.PositiveIntegerField(_("registros"), null=True)
    error = models.TextField(_("error"), blank=True)
    creada = models.DateTimeField(_("solicitada el"), auto_now_add=True)
    terminada = models.DateTimeField(_("terminada el"), null=True)

    class Meta:
        verbose_name = _("exportación de registros")
        verbose_name_plural = _("exportaciones de registros")
        ordering = ["-creada"]

    def __str__(self):
        return f"{self.get_formato_display()} {_fecha(self.creada)}"


class Disposicion(models.Model):
    """A proposed transfer or disposal of records: the Archivo proposes, the
    Titular approves, executing it produces the acta and marks the records."""

    PRIMARIA, SECUNDARIA, BAJA = "primaria", "secundaria", "baja"
    TIPOS = [
        (PRIMARIA, _("Transferencia primaria (a concentración)")),
        (SECUNDARIA, _("Transferencia secundaria (a histórico)")),
        (BAJA, _("Baja documental")),
    ]
    PROPUESTA, APROBADA, RECHAZADA, EJECUTADA = (
        "propuesta",
        "aprobada",
        "rechazada",
        "ejecutada",
    )
    ESTADOS = [
        (PROPUESTA, _("Propuesta")),
        (APROBADA, _("Aprobada")),
        (RECHAZADA, _("Rechazada")),
        (EJECUTADA, _("Ejecutada")),
    ]

    tipo = models.CharField(_("tipo"), max_length=10, choices=TIPOS)
    estado = models.CharField(
        _("estado"), max_length=10, choices=ESTADOS, default=PROPUESTA
    )
    registros = models.ManyToManyField(
        Registro, verbose_name=_("registros"), related_name="disposiciones"
    )
    justificacion = models.TextField(_("justificación o dictamen"))
    propuesta_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("propuesta por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    propuesta_en = models.DateTimeField(_("propuesta el"), auto_now_add=True)
    revisada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisada por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revisada_en = models.DateTimeField(_("revisada el"), null=True, blank=True)
    comentario = models.TextField(_("comentario de la revisión"), blank=True)
    ejecutada_en = models.DateTimeField(_("ejecutada el"), null=True, blank=True)
    acta = models.FileField(_("acta"), upload_to="archivo/actas/", blank=True)

    class Meta:
        verbose_name = _("disposición documental")
        verbose_name_plural = _("disposiciones documentales")
        ordering = ["-propuesta_en"]
        permissions = [
            ("proponer_disposicion", _("Puede proponer y ejecutar disposiciones")),
            ("aprobar_disposicion", _("Puede aprobar o rechazar disposiciones")),
        ]

    def __str__(self):
        return _("Acta %(numero)s: %(tipo)s") % {
            "numero": self.numero,
            "tipo": self.get_tipo_display(),
        }

    @property
    def numero(self):
        """ "DD-7/2026": the act's number, as it is cited."""
        anio = (self.propuesta_en or timezone.now()).year
        return f"DD-{self.pk}/{anio}"
