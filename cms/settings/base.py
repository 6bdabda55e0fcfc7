"""Settings safe for production; every secret and service comes from the environment.

``dev.py``, ``test.py`` and ``production.py`` hold only overrides.  The README lists
every variable read here.
"""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from . import environment

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("CMS_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = environment.csv_list(os.environ.get("ALLOWED_HOSTS"))
CSRF_TRUSTED_ORIGINS = environment.csv_list(os.environ.get("CSRF_TRUSTED_ORIGINS"))

INSTALLED_APPS = [
    "cms",
    "home",
    "media_library",
    "boletines",
    "campanas",
    "monitoreo",
    "indicadores",
    "archivo",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's workflow e-mail handlers.
    "workflows",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # MANTENIMIENTO=1: the public site answers 503 with a notice (cms/errores.py).
    "cms.errores.MantenimientoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in: django-otp tells whether the session confirmed a code; ours
    # keeps the roles of DOS_PASOS_GRUPOS (and superusers) out until they do.
    "django_otp.middleware.OTPMiddleware",
    "cms.dos_pasos.middleware.DosPasosMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "workflows.middleware.RetiradoPorErrorMiddleware",
    "workflows.middleware.SelectorDePaginasMiddleware",
    "media_library.middleware.ErrorDeAlmacenamientoMiddleware",
    # A refused deletion of a record's content becomes an admin message.
    "archivo.middleware.ResguardoMiddleware",
    "cms.cache.middleware.CacheControlMiddleware",
    "cms.cache.middleware.RutaRecordadaMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.institucion",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Services: each has an embedded default that needs nothing running.
DATABASE_URL = os.environ.get("DATABASE_URL")
DATABASES = {"default": environment.database(DATABASE_URL, BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL")
CACHES = environment.caches(
    REDIS_URL, os.environ.get("CACHE_DESACTIVADA", "").lower() == "true"
)
TASKS = environment.tasks(REDIS_URL)
RQ_QUEUES = environment.rq_queues(REDIS_URL)
if REDIS_URL:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")
WAGTAILSEARCH_BACKENDS = environment.search_backends(ELASTICSEARCH_URL)
# What the public search at /buscar/ covers (search/consultas.py), in the order its
# form lists them: key, filter label, hit label, page model, and the fields of the
# item's period (start, end) for the date filter; without them, first publication.
BUSQUEDA_PUBLICA_TIPOS = [
    (
        "boletines",
        _("Boletines"),
        _("Boletín"),
        "boletines.BoletinPage",
        ("fecha", "fecha"),
    ),
    (
        "campanas",
        _("Campañas"),
        _("Campaña"),
        "campanas.CampanaPage",
        ("inicio", "fin"),
    ),
    ("videos", _("Videos"), _("Video"), "media_library.VideoPage"),
    ("paginas", _("Páginas"), _("Página"), "home.StandardPage"),
]

# The caching proxy in front of the site (deploy/varnish/), purged on publish.
VARNISH_URL = os.environ.get("VARNISH_URL")
WAGTAILFRONTENDCACHE = environment.frontend_cache(VARNISH_URL)
CACHE_PROXY_SEGUNDOS = int(os.environ.get("CACHE_PROXY_SEGUNDOS", "3600"))
CACHE_NAVEGADOR_SEGUNDOS = int(os.environ.get("CACHE_NAVEGADOR_SEGUNDOS", "60"))

STORAGES = {
    "default": environment.default_storage(os.environ),
    # Private: exports, actas and the records' store (docs/resguardo.md).
    "archivo": environment.private_storage(os.environ, VAR_DIR / "archivo"),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

globals().update(environment.email(os.environ.get("EMAIL_URL"), VAR_DIR / "correos"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Comunicación Social <comunicacion@localhost>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Roles that must confirm a code from an authenticator app (TOTP) or a recovery code
# after the password; superusers always do (cms/dos_pasos/, docs/dos_pasos.md).
DOS_PASOS_GRUPOS = ["Titular", "Coordinación", "Archivo"]
OTP_TOTP_ISSUER = os.environ.get("WAGTAIL_SITE_NAME", "Comunicación Social")

# A session ends after 8 idle hours: each request moves the expiry forward.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Mexico, in Spanish.
LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", _("Español (México)"))]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es-mx", "Español (México)")]
WAGTAIL_CONTENT_LANGUAGES = [("es-mx", "Español (México)")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# The project's catalogue wins over every app's: it completes Wagtail's and
# django-axes' Spanish and words the admin for this office (docs/traducciones.md).
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Uploads: explicit limits (the media-library issue tightens them per type).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
VIDEO_MAX_UPLOAD_SIZE = int(os.environ.get("VIDEO_MAX_UPLOAD_MB", "1024")) * 1024 * 1024
VIDEO_MAX_DURACION = 30 * 60  # seconds
# x264's speed/size trade-off for the preview and the finals; tests use
# "ultrafast" (same frames, files 5× bigger, ~55% of the CPU, measured).
VIDEO_X264_PRESET = os.environ.get("VIDEO_X264_PRESET", "veryfast")
# Django keeps uploads above this in a temporary file, never in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "vtt", "xlsx"]

WAGTAILIMAGES_IMAGE_MODEL = "media_library.Imagen"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.Documento"
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_library.forms.ImagenForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_library.forms.DocumentoForm"

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Comunicación Social")
MANTENIMIENTO = os.environ.get("MANTENIMIENTO", "").lower() in {"1", "si", "sí", "true"}
MANTENIMIENTO_MENSAJE = os.environ.get("MANTENIMIENTO_MENSAJE", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.publicacion.publicar_al_aprobar"
# Workflow e-mails go to the approving groups only (workflows/signal_handlers.py).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "cms.administracion.formularios.FormularioDeAcceso"
# No avatars from an outside service: the admin works offline and leaks nothing.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Scheduled publishing: how often the scheduler runs ``publish_scheduled``.
SCHEDULER_INTERVAL_SECONDS = int(os.environ.get("SCHEDULER_INTERVAL_SECONDS", "60"))
# The weekly agenda goes to the default distribution list on Mondays from this hour.
AGENDA_HORA_DE_ENVIO = 8

# WARNING by default; INFO shows, among others, one line per background task.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Security headers on every environment; HSTS and HTTPS only in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Content-Security-Policy (django-csp). Varnish serves one copy of a public page to
# everyone, so no per-request nonces: the site has no inline script or style (the
# theme colours come from /tema.css), and JSON-LD blocks are data, never run.
# The Wagtail and Django admins are left out: Wagtail's admin still writes inline
# scripts and styles, and only signed-in staff reach it.
ORIGENES_DE_MEDIOS = environment.media_origins(os.environ)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the icons inside the stylesheets of Wagtail's userbar.
        "img-src": [SELF, "data:", *ORIGENES_DE_MEDIOS],
        "media-src": [SELF, *ORIGENES_DE_MEDIOS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's preview shows the page inside the admin, on the same origin.
        "frame-ancestors": [SELF],
    },
}

# Admin login throttling (django-axes): after LOGIN_INTENTOS failures an address is
# locked for LOGIN_BLOQUEO_MINUTOS, whether they were for one username or spread
# over many (password spraying); a success starts over.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_INTENTOS", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("LOGIN_BLOQUEO_MINUTOS", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cuenta_bloqueada.html"
AXES_CLIENT_IP_CALLABLE = "cms.seguridad.ip_del_cliente"
# How many proxies (Varnish, a TLS terminator) stand between visitors and gunicorn;
# 0 trusts REMOTE_ADDR alone, since anyone can forge X-Forwarded-For.
PROXIES_DE_CONFIANZA = int(os.environ.get("PROXIES_DE_CONFIANZA", "0"))

# Social networks: the connector class per network (campanas/conectores.py);
# unlisted networks record manual publication.
CAMPANAS_CONECTORES = {}
# The institution's own domains, besides its Wagtail sites' hostnames: a «Sitio web»
# post's evidence must link there (subdomains included), as the public page shows it.
CAMPANAS_DOMINIOS = environment.csv_list(os.environ.get("DOMINIOS_INSTITUCIONALES"))

# The monitoring desk (monitoreo/). Business days an área has to answer, per type
# of mention, unless the admin's «Plazos por tipo» says otherwise.
MONITOREO_PLAZOS = {"queja": 5, "sugerencia": 10, "duda": 3, "default": 5}
# Pages a mention may refer to, by label: the suggestion matches their titles.
MONITOREO_PUBLICACIONES = [
    "boletines.BoletinPage",
    "campanas.CampanaPage",
    "media_library.VideoPage",
]
# Days back the suggestion looks for publications.
MONITOREO_DIAS_DE_SUGERENCIA = 15
# Network connectors, one class per network (monitoreo/conectores.py).
MONITOREO_CONECTORES = {}
# Feeds are read at most this often (seconds), by the worker.
MONITOREO_INTERVALO_CANALES = int(os.environ.get("MONITOREO_INTERVALO_CANALES", "3600"))
# Watch terms besides the institution's name and acronym and the Titular's name:
# programmes, campaigns (comma-separated).
MONITOREO_TERMINOS = [
    t.strip() for t in os.environ.get("MONITOREO_TERMINOS", "").split(",") if t.strip()
]
MONITOREO_AGENTE = "CMS Comunicación Social (monitoreo)"
# The boletín page and the delivery model, by label, for coverage and pick-up rates.
MONITOREO_BOLETIN = "boletines.BoletinPage"
MONITOREO_ENVIOS = "boletines.Envio"
MONITOREO_PUBLICACION_DE_CAMPANA = "campanas.PublicacionProgramada"
# The daily síntesis informativa (ISSSTESON P04): due at 9:30 Mexico City time, an
# alert at 9:00 if it is not approved; "habiles" skips weekends and holidays (the
# business-day calendar of monitoreo/plazos.py), "diario" sends every day.
SINTESIS_HORA_LIMITE = tuple(
    int(n) for n in os.environ.get("SINTESIS_HORA_LIMITE", "9:30").split(":")
)
SINTESIS_HORA_AVISO = tuple(
    int(n) for n in os.environ.get("SINTESIS_HORA_AVISO", "9:00").split(":")
)
SINTESIS_CALENDARIO = os.environ.get("SINTESIS_CALENDARIO", "habiles")
# How long the Director General's signed reading link lasts (hours).
SINTESIS_ENLACE_HORAS = int(os.environ.get("SINTESIS_ENLACE_HORAS", "72"))
# Full-page scans no clipping uses are deleted after this many days (P04: paper 7).
SINTESIS_DIAS_DE_ESCANEOS = 7
