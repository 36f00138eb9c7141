"""Hostile requests to every public URL: never a server error, never a change to the database
(but a security code handed out), never junk served to the next reader from the page cache.

The URLs come from the resolver (tests/fuzzing.py), so a new one is fuzzed without a change
here. CI runs a fixed set of examples; FUZZ_EXAMPLES=300 explores more, at random."""

import io
import itertools
import logging
from urllib.parse import urlencode

import pytest
from captcha.models import CaptchaStore
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from articles.models import Article
from comments.models import Comment
from portal.urls import SITEMAPS
from tests import fuzzing
from tests.factories import make_article, make_category, make_tag
from tests.organisation.factories import make_person, make_unit

ENDPOINTS = fuzzing.public_endpoints()
WITH_SLOTS = [endpoint for endpoint in ENDPOINTS if endpoint.slots]
CACHED = [endpoint for endpoint in ENDPOINTS if endpoint.page_cache is not None]
PUBLIC_NAMES = {
    "articles:home",
    "articles:category",
    "articles:tag",
    "articles:detail",
    "articles:print",
    "articles:rate",
    "articles:my_score",
    "articles:search",
    "articles:feed",
    "articles:category_feed",
    "sitemap",
    "sitemap_section",
    "robots_txt",
    "comments:post",
    "captcha-refresh",
    "captcha-image",
    "stats:summary",
    "set_language",
    "healthz",
    "keep_alive",
    "logout",
}
# Hostile paths make page cache keys longer than memcached takes; the portal uses Redis or memory.
pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")
ON_POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]
NOISY_LOGGERS = ("django.request", "django.security", "stats.middleware")


@pytest.fixture(autouse=True)
def _behind_proxy(settings):
    """As in production behind nginx, so X-Forwarded-For and -Proto are read (and fuzzed)."""
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.fixture(autouse=True)
def _quiet():
    """Thousands of 4xx warnings slow the run down; errors still reach fuzzing.logged_errors."""
    levels = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def site(db):
    """A small site; returns the real values each path parameter may take."""
    parent = make_category("Tin tức")
    category = make_category("Hoạt động phường", parent=parent)
    tag = make_tag(name="Chuyển đổi số")
    article = make_article(category, title="Phù Vân ra quân làm sạch đường phố")
    article.tags.add(tag)
    make_article(category, title="Bài chưa đăng", status=Article.Status.DRAFT)
    Comment.objects.create(
        target=article, name="Lan", email="lan@example.com", text="Hay quá", status="approved"
    )
    unit = make_unit("Văn phòng HĐND và UBND")
    make_person(unit, name="Vũ Thị Mai", is_contact_point=True)
    values = {
        "slug": [article.slug, category.slug, parent.slug, tag.slug, unit.slug, "khong-co"],
        "section": [*SITEMAPS, "khong-co"],
        "key": [CaptchaStore.generate_key(), "0" * 40],
        "lang": ["vi", "en"],
        "module": ["news", "khong-co"],
        "alias": [category.slug, tag.slug, "khong-co"],
        "category": [category.slug],
        "old_id": ["1", "7"],
        "page": ["1", "2"],
        "kind": ["bai-viet", "khong-co"],
        "pk": [str(article.pk), "1"],
    }
    if apps.is_installed("nukeviet"):
        seed_nukeviet(article, category)
    if apps.is_installed("pages"):
        values["slug"].insert(-1, seed_page(article.site))
    if apps.is_installed("polls"):
        values["slug"].insert(-1, seed_poll(article.site))
    if apps.is_installed("procedures"):
        values["slug"].insert(-1, seed_procedure(article.site))
    if apps.is_installed("questions"):
        question = seed_question(article.site)
        values["slug"].insert(-1, question.slug)
        values["pk"].insert(-1, str(question.pk))
    if apps.is_installed("documents"):
        values["slug"].insert(-1, seed_document(article.site))
    return values


def seed_question(site):
    """A published question with its answer."""
    return apps.get_model("questions", "Question").objects.create(
        site=site,
        name="Trần Thị Bích",
        email="bich@example.com",
        title="Thời hạn cấp sổ đỏ",
        question="Cấp giấy chứng nhận mất bao lâu?",
        answer="<p>Không quá 20 ngày làm việc.</p>",
        status="published",
        published_at=timezone.now(),
        answered_at=timezone.now(),
    )


def seed_poll(site):
    """An open poll with two choices; returns its slug."""
    poll = apps.get_model("polls", "Poll").objects.create(site=site, question="Thăm dò?")
    for text in ("Có", "Không"):
        poll.choices.create(text=text)
    return poll.slug


def seed_procedure(site):
    """A published procedure; returns its slug."""
    procedure = apps.get_model("procedures", "Procedure")
    return procedure.objects.create(site=site, name="Đăng ký khai sinh", code="1.001193").slug


def seed_page(site):
    """A published page with a sub-page; returns the parent's slug."""
    page = apps.get_model("pages", "Page")
    about = page.objects.create(site=site, title="Giới thiệu", status="published")
    page.objects.create(site=site, parent=about, title="Lịch sử", status="published")
    return about.slug


def seed_document(site):
    """A published document with its PDF; returns its slug."""
    from tests.documents.helpers import attach, make_document

    document = make_document(site=site)
    attach(document)
    return document.slug


def seed_nukeviet(article, category):
    legacy = apps.get_model("nukeviet", "LegacyObject")
    common = {"site": article.site, "source": "fuzz", "lang": "vi", "module": "news"}
    legacy.objects.create(**common, kind="article", old_id=1, old_alias="bai", article=article)
    legacy.objects.create(
        **common, kind="category", old_id=2, old_alias=category.slug, category=category
    )
    cache.delete("nukeviet:modules")


def real_path(endpoint, site):
    """A strategy for the endpoint's path with real values of the seeded site."""
    values = {slot: st.sampled_from(site.get(slot, ["1"])) for slot in endpoint.slots}
    return st.fixed_dictionaries(values).map(endpoint.path)


def hostile_path(endpoint, site):
    """Each parameter real or hostile, the last one always hostile (after real ones the request
    gets furthest: /news/<hostile>/)."""
    choices = {
        slot: st.one_of(fuzzing.hostile_segment(), st.sampled_from(site.get(slot, ["1"])))
        for slot in endpoint.slots
    }
    choices[endpoint.slots[-1]] = fuzzing.hostile_segment()
    return st.fixed_dictionaries(choices).map(endpoint.path)


def check(method, path, query, extra, body=None, enforce_csrf=False):
    """Send one request; it must not fail, log an error or write (but a security code)."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=enforce_csrf)
    before = fuzzing.snapshot()
    with fuzzing.logged_errors() as errors:
        response = fuzzing.send(client, method, path, query, body, extra)
    request = f"{method} {path[:200]}?{query[:200]} body={body and body.data[:200]}"
    assert response.status_code < 500, request
    assert not errors, (request, fuzzing.describe(errors))
    written = fuzzing.changes(before, fuzzing.snapshot(), response)
    assert not written, (request, response.status_code, written)
    return response


def test_every_public_url_is_fuzzed():
    found = {endpoint.name for endpoint in ENDPOINTS}
    assert found >= PUBLIC_NAMES, PUBLIC_NAMES - found
    assert not any(name.startswith("admin:") for name in found)
    assert {"articles:home", "articles:detail", "articles:search"} <= {
        endpoint.name for endpoint in CACHED
    }


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_hostile_query_strings_and_headers(endpoint, site):
    @fuzzing.fuzz_settings()
    @given(
        method=st.sampled_from(["GET", "HEAD"]),
        path=real_path(endpoint, site),
        query=fuzzing.query_strings(),
        extra=fuzzing.headers(),
    )
    def run(method, path, query, extra):
        check(method, path, query, extra)

    run()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_any_method_body_and_csrf(endpoint, site):
    @fuzzing.fuzz_settings()
    @given(
        method=st.sampled_from(fuzzing.METHODS),
        path=real_path(endpoint, site),
        query=fuzzing.query_strings(),
        body=fuzzing.bodies(),
        extra=fuzzing.headers(),
        enforce_csrf=st.booleans(),
    )
    def run(method, path, query, body, extra, enforce_csrf):
        check(method, path, query, extra, body, enforce_csrf)

    run()


@pytest.mark.parametrize("endpoint", WITH_SLOTS, ids=str)
def test_hostile_path_values(endpoint, site):
    @fuzzing.fuzz_settings()
    @given(
        method=st.sampled_from(["GET", "POST"]),
        path=hostile_path(endpoint, site),
        extra=fuzzing.headers(),
    )
    def run(method, path, extra):
        check(method, path, "", extra)

    run()


def readable_path(endpoint, site):
    """The first path with real values that answers a page."""
    options = [site[slot] for slot in endpoint.slots]
    for values in itertools.product(*options):
        path = endpoint.path(dict(zip(endpoint.slots, values, strict=True)))
        if Client().get(path).status_code == 200:
            return path
    raise AssertionError(f"no page at {endpoint.template}")


def ordinary_page(client, path, query):
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code == 200
    return fuzzing.comparable(response.content)


@pytest.mark.parametrize("endpoint", CACHED, ids=str)
def test_junk_never_reaches_the_next_reader(endpoint, site):
    """A hostile request may fill the page cache; the next ordinary reader of the page must get
    the bytes a fresh render gives, whatever junk parameters or headers the first one sent."""
    path = readable_path(endpoint, site)
    query = urlencode({"q": "Phù Vân"}) if "q" in endpoint.page_cache.parameters else ""

    @fuzzing.fuzz_settings()
    @given(junk=fuzzing.pairs(), extra=fuzzing.headers())
    def run(junk, extra):
        cache.clear()
        junk_query = "&".join(filter(None, [query, urlencode(junk)]))
        check("GET", path, junk_query, extra)
        served = ordinary_page(Client(), path, query)
        cache.clear()
        fresh = ordinary_page(Client(), path, query)
        assert served == fresh, (junk_query[:300], fuzzing.first_difference(served, fresh))

    run()


def test_the_snapshot_sees_a_vote_and_a_comment(site, client):
    """The property above would hold vacuously if the snapshot missed writes."""
    article = Article.objects.get(slug=site["slug"][0])
    before = fuzzing.snapshot()
    response = client.post(f"{article.get_absolute_url()}danh-gia/", {"score": "4"})
    assert response.status_code == 302
    voted = fuzzing.snapshot()
    assert {"articles_vote", "articles"} <= set(fuzzing.changes(before, voted))
    Comment.objects.create(target=article, name="B", email="b@example.com", text="Một ý kiến")
    assert "comments_comment" in fuzzing.changes(voted, fuzzing.snapshot())
    key = CaptchaStore.generate_key()
    fresh = fuzzing.snapshot()
    assert {"comments_comment", "captcha_captchastore"} <= set(fuzzing.changes(voted, fresh))
    given_out = HttpResponse(f'<input name="captcha_0" value="{key}">')
    given_out.request = {"REQUEST_METHOD": "POST"}
    assert "captcha_captchastore" not in fuzzing.changes(voted, fresh, given_out)
    given_out.content = b"no code here"
    assert "captcha_captchastore" in fuzzing.changes(voted, fresh, given_out)


def test_many_query_fields_with_a_charset(db):
    """Through the site's WSGI application, as gunicorn calls it (Django 5.2 alone: 500)."""
    from portal.wsgi import application

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/tim-kiem/",
        "QUERY_STRING": "&".join(["a"] * 1_001),
        "CONTENT_TYPE": "text/plain; charset=utf-8",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    statuses = []
    # As the test client does: the handler must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    try:
        application(environ, lambda status, headers, *rest: statuses.append(status))
    finally:
        request_started.connect(close_old_connections)
    assert statuses[0].startswith("400")


def test_session_cookie_with_nul(site):
    cookie = f'{settings.SESSION_COOKIE_NAME}="abcdefghij\\000kl"'
    response = Client(raise_request_exception=False).get("/", HTTP_COOKIE=cookie)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path, query",
    [("/news/a%00b/", ""), ("/index.php", "nv=a%00b"), ("/index.php", "nv=news&op=a%00b")],
)
def test_nukeviet_address_with_nul(site, path, query):
    response = Client(raise_request_exception=False).get(path, QUERY_STRING=query)
    assert response.status_code == 404
