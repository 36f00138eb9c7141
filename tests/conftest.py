import importlib
import os
import shutil
from functools import partial
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

from portal import counters, redis_breaker
from portal.screenshots import CHROMIUM_ARGS
from tenancy import current as tenancy_current
from tenancy.testing import TEST_CLIENT_HOST

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
# Headless Chromium says "HeadlessChrome", which the statistics rightly count as a bot; the
# journeys are people, so their browser introduces itself as an ordinary one.
READER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Uploads go to a temporary folder, passwords hash fast, no cache, pending count or Redis
    outage leaks between tests."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No background flush in the middle of a test (tests of flushing flush when they mean to).
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 3600
    redis_breaker.breaker.reset()
    cache.clear()
    counters.reset()
    tenancy_current.site_map.forget()
    yield
    tenancy_current.site_map.forget()
    counters.reset()
    cache.clear()
    redis_breaker.breaker.reset()


# The data migrations that create permission groups, with the function each runs.
MIGRATION_DATA = [
    ("articles.migrations.0003_groups_and_search_text", "create_groups"),
    ("library.migrations.0001_initial", "grant_library"),
    ("comments.migrations.0002_moderators_group", "create_group"),
    ("comments.migrations.0003_publishers_delete_comments", "let_publishers_delete_comments"),
    ("contact.migrations.0002_roles_permissions", "grant_inbox"),
    ("stats.migrations.0002_reports_permission", "grant_reports"),
    ("pages.migrations.0002_roles", "grant_pages"),
    ("tenancy.migrations.0002_first_site", "create_first_site"),
    ("tenancy.migrations.0004_roles_from_groups", "create_site_administrators"),
    ("menus.migrations.0002_site_administrators", "grant_site_administrators"),
    ("organisation.migrations.0002_role_permissions", "grant_roles"),
    ("polls.migrations.0002_role_permissions", "grant_roles"),
    ("procedures.migrations.0002_role_permissions", "grant_roles"),
    ("questions.migrations.0002_roles_permissions", "grant_questions"),
    ("documents.migrations.0003_roles", "grant_documents"),
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test client's host ("testserver") is the first site's (tenancy/testing.py)."""
    from tenancy.testing import use_test_hosts

    with django_db_blocker.unblock():
        use_test_hosts()


def is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return "live_server" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Transactional tests flush the database, and with it the groups and the first site the
    data migrations made; put them back, as a freshly migrated database has them. Then the map
    of sites' host names is loaded, as a warm process has it: a test counting a request's
    queries counts the request's own."""
    if is_transactional(request):
        from django.apps import apps

        from tenancy.testing import use_test_hosts

        request.getfixturevalue("transactional_db")
        for module, function in MIGRATION_DATA:
            getattr(importlib.import_module(module), function)(apps, None)
        use_test_hosts()
    elif request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    tenancy_current.resolve(TEST_CLIENT_HOST)


@pytest.fixture(autouse=True)
def _live_server_host(request, monkeypatch):
    """The live server's host (whatever seed_demo gives it) serves the first site, as the test
    client's does, without redirecting to it."""
    if "live_server" not in request.fixturenames:
        return
    from tenancy import middleware
    from tenancy.current import Resolved
    from tenancy.hosts import normalize_host

    live_host = normalize_host(urlsplit(request.getfixturevalue("live_server").url).netloc)
    resolve = middleware.resolve

    def resolve_live(host):
        if normalize_host(host) != live_host:
            return resolve(host)
        first = resolve(TEST_CLIENT_HOST)
        return first and Resolved(first.site, live_host)

    monkeypatch.setattr(middleware, "resolve", resolve_live)


@pytest.fixture
def no_page_cache(settings):
    """Render every page (to look at its context or count the queries of rendering it)."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs, when the block ends, what waits for the transaction's
    commit (cache version bumps), as the real commit would; a test's own transaction never
    commits."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture
def member(django_user_model):
    """A staff account with the role named (a tenancy Role, or the name of the group that
    defines it, e.g. "Biên tập viên") on the first site, or with none."""

    def make(role=None, username="nguoidung"):
        from tenancy.testing import give_role

        user = django_user_model.objects.create_user(username, password="x", is_staff=True)
        if role:
            give_role(user, role)
        return user

    return make


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        username="bientap", password="mat-khau-dai-123", is_staff=True, is_superuser=True
    )


# Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", base_url=live_server.url, user_agent=READER_AGENT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked = []
    page.on("console", lambda message: is_csp_violation(message.text) and blocked.append(message))
    yield page
    context.close()
    assert not [message.text for message in blocked], "the Content-Security-Policy blocked this"


def is_csp_violation(text):
    return "Content Security Policy" in text


@pytest.fixture
def staff_page(page, staff_user, client, live_server):
    """A browser page signed in as staff, through the session cookie of the test client."""
    client.force_login(staff_user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a browser test that skips (no Chromium) is a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped in CI: {report.longrepr}"
