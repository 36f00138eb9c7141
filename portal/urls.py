from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path

from articles import sitemaps
from contact.sitemaps import ContactSitemap
from documents.sitemaps import DocumentSitemap
from organisation.sitemaps import OrganisationSitemap
from pages.sitemaps import PageSitemap
from polls.sitemaps import PollSitemap
from procedures.sitemaps import ProcedureSitemap
from questions.sitemaps import QuestionSitemap
from tenancy.theme import theme_css

from . import views

SITEMAPS = {
    **sitemaps.SITEMAPS,
    "pages": PageSitemap,
    "organisation": OrganisationSitemap,
    "contact": ContactSitemap,
    "polls": PollSitemap,
    "procedures": ProcedureSitemap,
    "questions": QuestionSitemap,
    "documents": DocumentSitemap,
}

urlpatterns = [
    path(f"{settings.PORTAL_ADMIN_URL}xac-thuc-hai-buoc/", include("accounts.urls")),
    path(settings.PORTAL_ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("tai-khoan/dang-xuat/", LogoutView.as_view(), name="logout"),
    path("tai-khoan/duy-tri/", views.keep_alive, name="keep_alive"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/all", views.healthz_all, name="healthz_all"),
    path("ma-bao-mat/", include("captcha.urls")),
    path("", include("comments.urls")),
    path("", include("contact.urls")),
    path("", include("questions.urls")),
    path("", include("stats.urls")),
    path("", include("library.urls")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("giao-dien/<str:fingerprint>.css", theme_css, name="site_theme"),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.section,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("", include("documents.urls")),
    path("", include("organisation.urls")),
    path("", include("polls.urls")),
    path("", include("procedures.urls")),
    path("", include("articles.urls")),
    path("", include("pages.urls")),
    # Last: the old NukeViet addresses of imported articles, after every address of this site.
    path("", include("nukeviet.urls")),
]

handler500 = views.server_error

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
