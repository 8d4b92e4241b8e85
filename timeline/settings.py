"""Django settings, read from the environment (see README: Configuration)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

# Without DEBUG there is no default: command-line tools still work, but Django refuses
# anything that signs (sessions, CSRF) and wsgi.py refuses to start.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-development-only-key"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS=1: served over HTTPS by a TLS-terminating proxy in front of gunicorn, which sets
# X-Forwarded-Proto and X-Forwarded-For (overwriting any a client sent). Then http is
# redirected to https, cookies are secure-only and browsers are told to use https only
# (HSTS). Off by default, so `make run` and the tests work over plain http.
HTTPS = env_bool("HTTPS", default=False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Allows (never makes) a submission to the browsers' preload list.
    SECURE_HSTS_PRELOAD = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "timeline.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a locked-out login into a 429
]

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "timeline.context_processors.timeline_urls",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers browse while an import writes; the timeout waits out short locks.
    # IMMEDIATE: a transaction takes the write lock when it begins, so one that reads and
    # then writes waits its turn instead of failing with "database is locked" (a deferred
    # one cannot wait: its snapshot went stale when another writer committed).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles big queries with its JIT, which costs more than it saves for a
    # request's queries: 92 ms of a 637 ms facet count at a million events (EXPLAIN
    # ANALYZE). Off for this app's connections, unless DATABASE_URL sets ?options=.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "timeline.auth.LoginThrottleBackend",  # first: refuses a locked-out login before any check
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Brute-force protection on the admin login (django-axes): five wrong passwords for one
# username from one address lock that pair out for an hour; a right one resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "timeline.auth.client_ip"

# Content-Security-Policy (timeline/middleware.py): scripts, styles and everything else
# only from this site; no inline script anywhere (JSON data blocks are not scripts);
# no framing but of the embed page, which sends its own frame-ancestors.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The admin styles with attributes and <style> here and there (Django's change list,
# select2, the report-context box); its scripts stay as strict as the site's.
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY,
    "style-src": ["'self'", "'unsafe-inline'"],
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# JSON Lines with times to the microsecond: a backup (manage.py backup) loses nothing.
SERIALIZATION_MODULES = {"jsonl": "timeline.jsonl_exact"}

# The public timeline shows unreviewed events too (marked as such) unless this is on.
TIMELINE_REVIEWED_ONLY = env_bool("TIMELINE_REVIEWED_ONLY", default=False)

# The timeline counts filters over in-memory columns of the current data
# (timeline/selectors/columns.py): "background" builds them in a thread after each change,
# counting in SQL meanwhile; "inline" builds them within the request; "off" always counts
# in SQL (about 135 MB less per process at a million events).
TIMELINE_COLUMNS = os.environ.get("TIMELINE_COLUMNS", "background").strip().lower()
if TIMELINE_COLUMNS not in ("background", "inline", "off"):
    raise ImproperlyConfigured(
        f"TIMELINE_COLUMNS is {TIMELINE_COLUMNS!r}: use background, inline or off"
    )

# Rendered timeline pages are cached per data version (timeline/cache.py), so a cached
# page is never stale. Per-process memory by default; several workers share one cache
# with CACHE_URL=redis://127.0.0.1:6379/1.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}
