"""Netralitas settings: everything is read from the environment, in this one module.

Defaults give a working single-machine install (SQLite, jobs inline, local media).
Production sets DEBUG=0, SECRET_KEY, DATABASE_URL, REDIS_URL and optionally S3 storage.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
TESTING = env.bool("TESTING", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "csp",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_rq",
    "accounts",
    "audit",
    "workdays",
    "printing",
    "legal",
    "registry",
    "cases",
    "detection",
    "letters",
    "training",
    "outreach",
    "retention",
    "backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netralitas_site.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "netralitas_site.middleware.NoStoreMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "netralitas_site.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "netralitas_site.urls"
WSGI_APPLICATION = "netralitas_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(exist_ok=True)
    # WAL + a busy timeout let the dev server and an inline job share the file. IMMEDIATE transactions take
    # the write lock at BEGIN, so a double submit waits for the first instead of failing "database is locked"
    # (a deferred transaction that read first cannot wait when it upgrades to writing).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, cache and jobs --------------------------------------------------
# Without REDIS_URL every job runs inline (see netralitas_site/jobs.py).
REDIS_URL = env.str("REDIS_URL", default="")
RQ_QUEUE_NAMES = ("default", "detection", "pdf")
RQ_QUEUES = {
    name: (
        {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600} if REDIS_URL else {"URL": "redis://127.0.0.1:6379/0", "ASYNC": False}
    )
    for name in RQ_QUEUE_NAMES
}
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
elif TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # One server without Redis: a file cache, so gunicorn's worker processes share login-throttle counters.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.str("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
        }
    }

# --- Auth and accounts -------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "accounts.adapters.NoSignupAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {
    # per client address (an office behind NAT shares one) and per account *from that address* (the
    # adapter keys it so), so nobody can lock another person's account; counters live in the cache.
    "login_failed": env.str("LOGIN_FAILED_RATE", default="30/5m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Netralitas")
# Roles whose members must have TOTP before they can use the app.
MFA_REQUIRED_ROLES = ("admin", "hr", "leader", "supervisor")

# --- Legal options per Pemda (legal/options.py: points the domain brief marks unconfirmed) ---------
# JSON object, e.g. LEGAL_OPTIONS='{"skb10_level": "berat"}'; unknown keys/values fail the system check.
LEGAL_OPTIONS = env.json("LEGAL_OPTIONS", default={})

# --- I18N ------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
# locale_vendor: Indonesian for allauth strings its own catalogue leaves empty (makemessages never touches it)
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
# The Pemda's own time zone (WIB, WITA or WIT): letter dates, deadlines and check-in minutes follow it.
PEMDA_ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
PEMDA_ZONE = env.str("PEMDA_ZONE", default="WIB").strip().upper()
if PEMDA_ZONE not in PEMDA_ZONES:
    raise ImproperlyConfigured(f"PEMDA_ZONE must be one of {', '.join(PEMDA_ZONES)} (got {PEMDA_ZONE!r}).")
TIME_ZONE = PEMDA_ZONES[PEMDA_ZONE]
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Dev and tests serve static files straight from the app folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # Any S3-compatible store (MinIO, Ceph, AWS): credentials come from the environment.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
            "file_overwrite": False,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Evidence and letters are never overwritten in place.
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=20 * 1024 * 1024)
EVIDENCE_MAX_PIXELS = env.int("EVIDENCE_MAX_PIXELS", default=50_000_000)
# One request: at most this many files and this many pixels in total (read from headers before decoding).
EVIDENCE_MAX_FILES = env.int("EVIDENCE_MAX_FILES", default=20)
EVIDENCE_REQUEST_MAX_PIXELS = env.int("EVIDENCE_REQUEST_MAX_PIXELS", default=60_000_000)
# Without REDIS_URL, photos above this are not analysed inside the upload request; their run waits for
# `manage.py requeue_detections` (cron) instead. With REDIS_URL detection never runs in a request.
DETECTION_INLINE_MAX_PIXELS = env.int("DETECTION_INLINE_MAX_PIXELS", default=16_000_000)
# Django's own cap on files per request (a refusal gets an Indonesian 400 page, netralitas_site/errors.py).
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("DATA_UPLOAD_MAX_NUMBER_FILES", default=100)
# Days after a case is final or dismissed before `purge_expired` removes its personal data (retention.rules).
CASE_RETENTION_DAYS = env.int("CASE_RETENTION_DAYS", default=5 * 365)

# --- Outreach: referral bundles, recommendation clock, public reports (outreach/) ---------------
# HMAC key signing referral-bundle manifests; production refuses to build bundles without it.
REFERRAL_BUNDLE_KEY = env.str("REFERRAL_BUNDLE_KEY", default="")
# Working days to act on a Bawaslu/BKN/KASN recommendation (outreach/recommendations.py states the basis).
RECOMMENDATION_ACT_WORKING_DAYS = env.int("RECOMMENDATION_ACT_WORKING_DAYS", default=3)
# Public report form: rate limits ("N/m", "N/h", "N/d"; comma-separated) and proof-of-work difficulty (bits).
PUBLIC_REPORT_RATE_ADDRESS = env.str("PUBLIC_REPORT_RATE_ADDRESS", default="9/m,30/h")
PUBLIC_REPORT_RATE_URL = env.str("PUBLIC_REPORT_RATE_URL", default="20/h")
PUBLIC_TRACK_RATE_ADDRESS = env.str("PUBLIC_TRACK_RATE_ADDRESS", default="30/m")
PUBLIC_REPORT_POW_BITS = env.int("PUBLIC_REPORT_POW_BITS", default=16)
# The client address (accounts/client_address.py): a header our proxy overwrites (e.g. HTTP_X_REAL_IP), or the
# number of our proxies that append to X-Forwarded-For; neither: REMOTE_ADDR (X-Forwarded-For is ignored).
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Public statistics: cells below this count are suppressed; cached for this many seconds.
PUBLIC_STATS_MIN_CELL = env.int("PUBLIC_STATS_MIN_CELL", default=5)
PUBLIC_STATS_CACHE_SECONDS = env.int("PUBLIC_STATS_CACHE_SECONDS", default=900)

# --- Email -------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="netralitas@localhost")

# --- Security (production hardening; `check --deploy` passes with DEBUG=0) -----
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content Security Policy (django-csp): scripts and styles only from our own /static/ files. No inline
# <script>, no on*= handlers, no style="" attributes (static/js/app.js, static/css/csp.css replace them);
# images may be data: URIs (QR codes). CSP_REPORT_ONLY=1 sends it as report-only while checking a change.
_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP}
# Intranet host names cannot be on the browsers' HSTS preload list.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
