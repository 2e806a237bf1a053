"""Settings come from the environment; the defaults are the safe production ones."""

import datetime as dt
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DAIHOI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY phải được đặt khi chạy ở chế độ sản xuất (DJANGO_DEBUG tắt)."
        )
    SECRET_KEY = "dev-only-not-secret-daihoi"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The background jobs' queue and login throttling (django-axes), under Vietnamese names in
    # the admin.
    "daihoi.ops.task_queue_app.TaskQueueConfig",
    "daihoi.ops.axes_app.AxesConfig",
    "simple_history",
    # The reader-comment captcha (django-simple-captcha: pictures made here, no outside service).
    "captcha",
    "daihoi.core",
    "daihoi.accounts",
    "daihoi.organizations",
    "daihoi.documents",
    "daihoi.consultation",
    "daihoi.programme",
    "daihoi.ballots",
    "daihoi.planning",
    "daihoi.meetings",
    "daihoi.reporting",
    "daihoi.budget",
    "daihoi.notifications",
    "daihoi.workspace",
    "daihoi.delegates",
    "daihoi.materials",
    "daihoi.delegate_area",
    "daihoi.discussion",
    "daihoi.voting",
    "daihoi.logistics",
    "daihoi.speeches",
    "daihoi.levels",
    "daihoi.propaganda",
    "daihoi.intake",
    "daihoi.portal",
    "daihoi.audit",
    "daihoi.api",
    "ninja",
    "daihoi.demo",
    "daihoi.ops",
]

MIDDLEWARE = [
    "daihoi.ops.request_id.RequestIdMiddleware",
    "daihoi.ops.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "daihoi.core.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A printed (slip) password is replaced by the user's own before any other page.
    "daihoi.accounts.middleware.PasswordChangeRequired",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "daihoi.core.errors.OwnErrorPagesMiddleware",
    # Answers a locked-out login with the lockout page (after authentication middleware).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "daihoi.urls"
# Inputs and labels written as strings, the rest through the templates (core/form_renderer.py).
FORM_RENDERER = "daihoi.core.form_renderer.FastRenderer"
CSRF_FAILURE_VIEW = "daihoi.core.errors.csrf_failure"
WSGI_APPLICATION = "daihoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "daihoi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "daihoi.core.context_processors.site",
                "daihoi.notifications.context_processors.unread_notifications",
            ],
            "builtins": ["daihoi.core.templatetags.vn"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers (web + worker) share the file: wait for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DAIHOI_CACHE_PREFIX", "daihoi"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

AUTH_USER_MODEL = "accounts.User"
# The throttle's check runs first; it refuses a locked account or address before any password.
AUTHENTICATION_BACKENDS = [
    "daihoi.ops.throttle.ThrottledLoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes, state in the database so every web server counts together):
# wrong passwords per account OR per client address, in the app's login and the admin's.
AXES_FAILURE_LIMIT = int(os.environ.get("DAIHOI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("DAIHOI_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "daihoi.ops.throttle.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "daihoi.ops.throttle.lockout_response"
AXES_VERBOSE = False
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "organizations:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# How long a mailed link works: the invitation to set a first password, a password reset.
INVITATION_HOURS = int(os.environ.get("DAIHOI_INVITATION_HOURS", "72"))
PASSWORD_RESET_TIMEOUT = int(os.environ.get("DAIHOI_PASSWORD_RESET_HOURS", "24")) * 3600

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt"))]
LOCALE_PATHS = [BASE_DIR / "daihoi" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["daihoi.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
# Uploaded files live outside the web root and are only served through permission-checked views.
MEDIA_ROOT = Path(os.environ.get("DAIHOI_UPLOAD_ROOT", VAR_DIR / "uploads"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
ATTACHMENT_MAX_BYTES = int(os.environ.get("DAIHOI_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
# How long a file attached to a form that failed validation waits for the corrected form.
STAGED_UPLOAD_HOURS = int(os.environ.get("DAIHOI_STAGED_UPLOAD_HOURS", 24))

SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
# Scripts, styles, images and fonts from this site only: no inline script or style, no eval
# (HTMX is told so in base.html's htmx-config), no framing, forms posting only here.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_SECURE_PROXY_SSL"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS behind the proxy (deploy/README.md): redirect plain HTTP and send HSTS when asked.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT")
# Probes and metrics answer plain HTTP from the machine or the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")

MAILERS: dict[str, dict[str, Any]] = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
if os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ["DJANGO_EMAIL_HOST"],
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
        "username": os.environ.get("DJANGO_EMAIL_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_TLS"),
    }
# Absolute address of the site, for links in e-mails (e.g. https://daihoi.kontum.gov.vn).
SITE_URL = os.environ.get("DAIHOI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "daihoi@localhost")

# One JSON object a line with the request id (daihoi/ops); DJANGO_LOG_FORMAT=text for people.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "daihoi.ops.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "daihoi.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": os.environ.get("DJANGO_LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Operations (daihoi/ops): probes, metrics, the address of clients behind the proxy.
# Proxies whose X-Forwarded-For is believed (e.g. nginx on the same machine: 127.0.0.1).
DAIHOI_TRUSTED_PROXIES = env_list("DAIHOI_TRUSTED_PROXIES")
# /metrics answers these client addresses, or a request with "Authorization: Bearer <token>".
DAIHOI_METRICS_ALLOWED_IPS = env_list("DAIHOI_METRICS_ALLOWED_IPS", "127.0.0.1,::1")
DAIHOI_METRICS_TOKEN = os.environ.get("DAIHOI_METRICS_TOKEN", "")
DAIHOI_METRICS_DB_CACHE_SECONDS = int(os.environ.get("DAIHOI_METRICS_DB_CACHE_SECONDS", "10"))
# /readyz fails when the oldest ready job has waited longer than this (seconds; 0: never).
DAIHOI_READY_MAX_QUEUE_LAG = int(os.environ.get("DAIHOI_READY_MAX_QUEUE_LAG", "900"))

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The dashboard's covering index uses INCLUDE on PostgreSQL; SQLite builds it without the extra
# columns, which is fine for the embedded default.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# The public portal (daihoi/portal): how long a rendered public page stays in the shared cache
# (a publication or an edit replaces it at once), and the comment limits per client address,
# counted in the shared cache so that every web server counts together.
DAIHOI_PORTAL_PAGE_SECONDS = int(os.environ.get("DAIHOI_PORTAL_PAGE_SECONDS", "600"))
DAIHOI_PORTAL_COMMENT_RATE = os.environ.get("DAIHOI_PORTAL_COMMENT_RATE", "3/m")
DAIHOI_PORTAL_COMMENT_DAILY_RATE = os.environ.get("DAIHOI_PORTAL_COMMENT_DAILY_RATE", "30/d")
# A reader counted once per article and address within this time (reloads do not count).
DAIHOI_PORTAL_VIEW_WINDOW_SECONDS = int(
    os.environ.get("DAIHOI_PORTAL_VIEW_WINDOW_SECONDS", str(6 * 3600))
)
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 20  # minutes to answer
CAPTCHA_FONT_SIZE = 30
CAPTCHA_IMAGE_SIZE = (150, 48)
# django-ratelimit reads the client's address the way the login throttle does.
RATELIMIT_IP_META_KEY = "daihoi.ops.addresses.client_ip"
# The JSON API (/api/v1/): requests allowed per personal token, counted in the shared cache.
DAIHOI_API_RATE = os.environ.get("DAIHOI_API_RATE", "600/m")
