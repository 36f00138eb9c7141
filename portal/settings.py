"""Settings for the ward portal, read from environment variables.

Development works with no variables at all. Production is this same file with
DJANGO_DEBUG=0 and the variables the README lists; `manage.py check --deploy` is then clean.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
VAR_DIR = Path(env_str("DJANGO_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

# Every site's host names are checked by tenancy.middleware.SiteMiddleware (a host that is no
# site's gets a 404), so Django's own check lets all through unless this narrows it.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["*"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, which its admin classes extend
    "portal.apps.PortalAdminConfig",  # django.contrib.admin with portal.admin_site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "captcha",
    "accounts.third_party.LockoutConfig",
    "django_otp",
    "accounts.third_party.TwoFactorConfig",
    "portal",
    "tenancy",
    "accounts",
    "guard",
    "library",
    "sectors",
    "procedures",
    "documents",
    "menus",
    "articles",
    "comments",
    "pages",
    "organisation",
    "contact",
    "polls",
    "questions",
    "stats",
    "nukeviet",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tenancy.middleware.SiteMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "portal.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.CookieLocaleMiddleware",
    "portal.counters.middleware.RequestCountsMiddleware",
    "stats.middleware.VisitStatisticsMiddleware",
    "portal.visitors.VisitorCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.middleware.IdleSessionMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.pagecache.PageCacheMiddleware",
    "portal.ratelimit.RateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # The listing index (articles.Article.Meta) covers extra columns on PostgreSQL; SQLite
    # builds it without them, which is all it needs. Its warning would greet every first
    # `make run`: silence that one check, on SQLite only.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

REDIS_URL = env_str("REDIS_URL")
# A Redis that does not answer within this many seconds counts as unreachable (a black-holed
# host would otherwise hold every request); after that the site does without it for
# PORTAL_REDIS_RETRY_SECONDS before asking again (README, "Security": what an outage costs).
PORTAL_REDIS_TIMEOUT_SECONDS = env_int("PORTAL_REDIS_TIMEOUT_SECONDS", 1)
PORTAL_REDIS_RETRY_SECONDS = env_int("PORTAL_REDIS_RETRY_SECONDS", 5)
REDIS_OPTIONS = {
    "socket_connect_timeout": PORTAL_REDIS_TIMEOUT_SECONDS,
    "socket_timeout": PORTAL_REDIS_TIMEOUT_SECONDS,
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.PortalRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("DJANGO_CACHE_PREFIX", "portal"),
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Form widgets render with the project's templates (templates/captcha/widgets/ is ours).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.VietnameseCommonPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Where a sign-in goes when its `next` is missing or points to another site.
LOGIN_REDIRECT_URL = "admin:index"

# Staff accounts (README, "Staff accounts"): the admin's address, sign-in lockout (django-axes)
# and two-step verification (django-otp).
PORTAL_ADMIN_URL = env_str("PORTAL_ADMIN_URL", "admin").strip("/") + "/"
if PORTAL_ADMIN_URL == "/":
    raise ImproperlyConfigured("PORTAL_ADMIN_URL must not be empty.")
# Axes refuses a sign-in it cannot count (one without a request): every sign-in form passes one.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, with the permissions of the user's role on the request's site.
    "tenancy.backends.SiteRoleBackend",
]
# Who may enter the admin on a host: a callable(request, user) giving None or the reason not.
PORTAL_ADMIN_ACCESS_CHECK = "tenancy.access.admin_refusal"
AXES_HANDLER = "accounts.lockout.LockoutHandler"
# An account locks for the address that failed, never for everyone: a stranger's failures from
# elsewhere must not lock the owner out of their own account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = env_int("PORTAL_LOGIN_FAILURE_LIMIT", 5)
# A ward office's staff share one address behind its router: an address locks at a higher count.
PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("PORTAL_LOGIN_LOCKOUT_MINUTES", 30))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "portal.visitors.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
PORTAL_STAFF_2FA_REQUIRED = env_bool("PORTAL_STAFF_2FA_REQUIRED", False)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Model fields kept in both languages (organisation/translation.py): an empty English value
# shows the Vietnamese.
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
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
# With PORTAL_S3_BUCKET, uploads go to S3-compatible object storage (README, "Media on
# S3-compatible storage"). Their names are content hashes: an object never changes, so it is
# never overwritten and may be cached for a year under a stable, unsigned URL.
PORTAL_S3_BUCKET = env_str("PORTAL_S3_BUCKET")
if PORTAL_S3_BUCKET:
    from importlib.util import find_spec

    if not (find_spec("storages") and find_spec("boto3")):
        raise ImproperlyConfigured(
            "PORTAL_S3_BUCKET is set but django-storages is not installed: "
            '.venv/bin/pip install -c constraints.txt -e ".[s3]"'
        )
    s3_options = {
        "bucket_name": PORTAL_S3_BUCKET,
        "endpoint_url": env_str("PORTAL_S3_ENDPOINT_URL"),
        "region_name": env_str("PORTAL_S3_REGION"),
        "access_key": env_str("PORTAL_S3_ACCESS_KEY_ID"),
        "secret_key": env_str("PORTAL_S3_SECRET_ACCESS_KEY"),
        "custom_domain": env_str("PORTAL_S3_CUSTOM_DOMAIN"),
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **{name: value for name, value in s3_options.items() if value},
            "file_overwrite": False,
            "querystring_auth": env_bool("PORTAL_S3_PRIVATE", False),
            "default_acl": None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admin", email) for email in env_list("DJANGO_ADMIN_EMAILS", [])]

# Staff sessions end after this many seconds without activity; the idle notice appears
# PORTAL_IDLE_WARNING seconds before that.
PORTAL_IDLE_TIMEOUT = env_int("PORTAL_IDLE_TIMEOUT", 30 * 60)
PORTAL_IDLE_WARNING = env_int("PORTAL_IDLE_WARNING", 60)
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 14 * 24 * 3600)

# The defaults of the first site (tenancy.Site), which the admin then edits; requests read
# their own site's identity. PORTAL_SITE_URL (https://…) is the address of links in e-mails
# sent without a request; empty: the first site's primary host name.
PORTAL_SITE_URL = env_str("PORTAL_SITE_URL", "")
PORTAL_SITE_NAME = env_str("PORTAL_SITE_NAME", "Cổng thông tin điện tử phường Phù Vân")


def totp_issuer(device):
    """The name an authenticator app shows for the account: the site's whose host the device is
    set up on (tenancy's current site; imported here, when settings are long loaded)."""
    from tenancy.current import request_site

    site = request_site.get()
    return site.name if site else PORTAL_SITE_NAME


OTP_TOTP_ISSUER = totp_issuer
PORTAL_OFFICE_NAME = env_str("PORTAL_OFFICE_NAME", "Ủy ban nhân dân phường Phù Vân")
PORTAL_OFFICE_ADDRESS = env_str(
    "PORTAL_OFFICE_ADDRESS", "Đường Lê Hoàn, phường Phù Vân, tỉnh Ninh Bình"
)
PORTAL_OFFICE_PHONE = env_str("PORTAL_OFFICE_PHONE", "0229 3 851 234")
PORTAL_OFFICE_EMAIL = env_str("PORTAL_OFFICE_EMAIL", "ubnd.phuvan@example.gov.vn")
# How often a process asks the cache whether a site or host name changed elsewhere.
PORTAL_SITES_CHECK_SECONDS = env_int("PORTAL_SITES_CHECK_SECONDS", 5)

# Buffered counters (portal/counters/) are written to the database when the oldest pending
# increment is this old; a reader's views of one article count once per PORTAL_VIEW_DEDUP_SECONDS.
PORTAL_COUNTER_FLUSH_SECONDS = env_int("PORTAL_COUNTER_FLUSH_SECONDS", 10)
PORTAL_VIEW_DEDUP_SECONDS = env_int("PORTAL_VIEW_DEDUP_SECONDS", 1800)

# The editor's "Chèn ảnh" and "Đính kèm tài liệu" buttons (static/library/js/editor-uploads.js)
# and what they may insert (what the editor's own extensions allow: figures and links).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("library/js/editor-uploads.js")],
        "extensions": {"PictureUpload": html_tags([]), "AttachmentUpload": html_tags([])},
    }
]

# Uploaded pictures: limits, accepted formats and the widths of the resized copies.
PORTAL_PICTURE_MAX_BYTES = env_int("PORTAL_PICTURE_MAX_BYTES", 10 * 1024 * 1024)
PORTAL_PICTURE_MAX_PIXELS = env_int("PORTAL_PICTURE_MAX_PIXELS", 40_000_000)
PORTAL_PICTURE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
PORTAL_PICTURE_WIDTHS = (320, 480, 800, 1200)
PORTAL_PICTURE_SIZES = "(max-width: 900px) 100vw, 760px"
# Attachments (PDF, Word, Excel, OpenDocument) the editor links to: the largest, in megabytes
# (deploy/nginx.conf's client_max_body_size must let it through).
PORTAL_ATTACHMENT_MAX_MB = env_int("PORTAL_ATTACHMENT_MAX_MB", 20)
# The text read from an attachment for search (library/extraction.py): at most this many
# characters, read in at most about this many seconds (checked between pages, rows, paragraphs).
PORTAL_ATTACHMENT_TEXT_MAX_CHARS = env_int("PORTAL_ATTACHMENT_TEXT_MAX_CHARS", 200_000)
PORTAL_ATTACHMENT_TEXT_SECONDS = env_int("PORTAL_ATTACHMENT_TEXT_SECONDS", 10)

# Star ratings: at most this many votes per article per day from one client address (readers
# behind one office or mobile-network address share it); the optional sidebar block of rated
# articles ("best", "most" or "" for none) counts articles with at least MIN_VOTES votes.
PORTAL_RATING_VOTES_PER_ADDRESS = env_int("PORTAL_RATING_VOTES_PER_ADDRESS", 20)
PORTAL_RATING_BLOCK = env_str("PORTAL_RATING_BLOCK", "")
PORTAL_RATING_BLOCK_MIN_VOTES = env_int("PORTAL_RATING_BLOCK_MIN_VOTES", 3)
# Answers to one poll counted per client address per day (polls/services.py), as for ratings.
PORTAL_POLL_VOTES_PER_ADDRESS = env_int("PORTAL_POLL_VOTES_PER_ADDRESS", 20)

# Reader comments. Moderation: "all" (every guest comment waits for a moderator), "guests"
# (signed-in readers are trusted) or "none". Staff comments never wait; comments with more
# than MAX_LINKS links or a banned word always do.
PORTAL_COMMENT_MODERATION = env_str("PORTAL_COMMENT_MODERATION", "all")
PORTAL_COMMENT_INTERVAL_SECONDS = env_int("PORTAL_COMMENT_INTERVAL_SECONDS", 60)
PORTAL_COMMENT_HOURLY_LIMIT = env_int("PORTAL_COMMENT_HOURLY_LIMIT", 5)
PORTAL_COMMENT_MAX_LENGTH = env_int("PORTAL_COMMENT_MAX_LENGTH", 3000)
PORTAL_COMMENT_MAX_LINKS = env_int("PORTAL_COMMENT_MAX_LINKS", 2)
PORTAL_COMMENT_BANNED_WORDS = env_list("PORTAL_COMMENT_BANNED_WORDS", ["cá độ", "cờ bạc", "lô đề"])
PORTAL_COMMENT_NOTIFY_SECONDS = env_int("PORTAL_COMMENT_NOTIFY_SECONDS", 300)
PORTAL_COMMENTS_PER_PAGE = 10
# Contact messages (app contact): one per this many seconds and this many an hour from one
# address or e-mail (then HTTP 429), and their longest text.
PORTAL_CONTACT_INTERVAL_SECONDS = env_int("PORTAL_CONTACT_INTERVAL_SECONDS", 60)
PORTAL_CONTACT_HOURLY_LIMIT = env_int("PORTAL_CONTACT_HOURLY_LIMIT", 5)
PORTAL_CONTACT_MAX_LENGTH = env_int("PORTAL_CONTACT_MAX_LENGTH", 5000)
# Questions (app questions, "Hỏi đáp"): the same limits per address or e-mail, the longest
# question, and how many a page of the public list shows.
PORTAL_QUESTION_INTERVAL_SECONDS = env_int("PORTAL_QUESTION_INTERVAL_SECONDS", 60)
PORTAL_QUESTION_HOURLY_LIMIT = env_int("PORTAL_QUESTION_HOURLY_LIMIT", 5)
PORTAL_QUESTION_MAX_LENGTH = env_int("PORTAL_QUESTION_MAX_LENGTH", 5000)
PORTAL_QUESTIONS_PER_PAGE = 10
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 30
CAPTCHA_FONT_SIZE = 30
CAPTCHA_IMAGE_SIZE = (140, 44)
CAPTCHA_LETTER_ROTATION = (-20, 20)
CAPTCHA_CHALLENGE_FUNCT = "guard.captcha.readable_challenge"

# Visitor statistics: "Đang truy cập" counts everyone seen in ONLINE_SECONDS; a visitor absent
# VISIT_GAP_SECONDS starts a new visit; prune_stats keeps hourly rows and breakdowns this long.
PORTAL_STATS_ONLINE_SECONDS = env_int("PORTAL_STATS_ONLINE_SECONDS", 300)
PORTAL_STATS_VISIT_GAP_SECONDS = env_int("PORTAL_STATS_VISIT_GAP_SECONDS", 1800)
PORTAL_STATS_RETENTION_DAYS = env_int("PORTAL_STATS_RETENTION_DAYS", 400)

# The "Thống kê" block: the JSON figures are computed at most once per SUMMARY_SECONDS, and the
# block's script fetches them every REFRESH_SECONDS.
PORTAL_STATS_SUMMARY_SECONDS = env_int("PORTAL_STATS_SUMMARY_SECONDS", 10)
PORTAL_STATS_REFRESH_SECONDS = env_int("PORTAL_STATS_REFRESH_SECONDS", 60)

# Anonymous home, category, tag and article pages are served from a cache of their HTML for at
# most this many seconds (any change to what they show rebuilds them at once).
PORTAL_PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 60)
# After that, a page is served as it was for at most this many seconds more while it is made
# again after a reader's response (portal/pagecache.py), never past a scheduled change.
PORTAL_PAGE_CACHE_STALE_SECONDS = env_int("PORTAL_PAGE_CACHE_STALE_SECONDS", 60)

# The "Tin xem nhiều" block: how many articles, published within how many days (0 = ever).
PORTAL_MOST_VIEWED_COUNT = env_int("PORTAL_MOST_VIEWED_COUNT", 5)
PORTAL_MOST_VIEWED_DAYS = env_int("PORTAL_MOST_VIEWED_DAYS", 365)

# Number of reverse proxies (nginx) in front of gunicorn whose X-Forwarded-* headers we trust.
PORTAL_TRUSTED_PROXY_COUNT = env_int("PORTAL_TRUSTED_PROXY_COUNT", 0)
if PORTAL_TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Requests per client address per window on the views that write or cost (portal/ratelimit.py):
# {view name: (requests, seconds)}. Pages served from the page cache are never counted.
PORTAL_RATE_LIMITS = {
    "articles:search": (env_int("PORTAL_RATE_LIMIT_SEARCH", 30), 60),
    "articles:rate": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
    "comments:post": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
    "contact:send": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
    "polls:vote": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
    "questions:send": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
    # Looking up a tracking code: few per minute, so that codes cannot be tried in bulk.
    "questions:lookup": (env_int("PORTAL_RATE_LIMIT_LOOKUP", 10), 60),
    "questions:sent": (env_int("PORTAL_RATE_LIMIT_LOOKUP", 10), 60),
    "captcha-refresh": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
    "captcha-image": (env_int("PORTAL_RATE_LIMIT_WRITES", 20) * 2, 60),
    "set_language": (env_int("PORTAL_RATE_LIMIT_WRITES", 20), 60),
}

# Content-Security-Policy (portal/security.py). Pictures may come from any HTTPS host: article
# bodies written before this site may link them, and S3 storage serves them from its own.
PORTAL_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
PORTAL_CSP_ADMIN = {
    # No inline script: portal/security.py adds the hash of the editor's import map, the only
    # inline <script> of the admin. No inline <style> element but Tiptap's base stylesheet (the
    # editor injects it; tests/portal/test_browser_admin_csp.py fails if its hash changes).
    # Style attributes stay allowed: the editor renders the document's own (pictures, tables).
    "style-src": ["'self'", "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "style-src-attr": ["'unsafe-inline'"],
}
# Permissions-Policy (portal/security.py): no page of the site uses these browser features, so
# neither it nor anything it embeds may ask for them. browsing-topics: no interest-based ads.
# Only features Chromium knows (it logs an error for any other, e.g. bluetooth).
PORTAL_PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

SESSION_ENGINE = "portal.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
}
