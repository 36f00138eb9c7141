"""The Nu HTML Checker (vnu.jar, the npm package vnu-jar) finds no error nor warning on any
public page type.

The pages are rendered by the test client, written to files and checked by one run of the
checker (a JVM starts slowly). Without Java or the jar the test skips locally and fails in CI.
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article
from articles.views import PAGE_SIZE
from comments.models import Comment
from comments.services import refresh_comment_counts
from comments.templatetags.comments_tags import PRINT_PARAMETER
from tests.factories import make_article
from tests.portal.pages import commented_article, public_page_types

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHECKER_SECONDS = 300
SHOW_CODE = {"show_captcha": "1", "name": "Trần Thị Bình", "text": "Đèn đường ngõ 7 bị hỏng."}
CONTACT = {"show_captcha": "1", "name": "Trần Thị Bình", "message": "Đèn đường ngõ 7 bị hỏng."}


@pytest.fixture
def vnu():
    java = shutil.which("java")
    missing = "java (apt-get install default-jre-headless)" if not java else None
    if not missing and not VNU_JAR.exists():
        missing = f"the Nu checker at {VNU_JAR} (npm ci)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"cannot validate the pages in CI without {missing}")
        pytest.skip(f"{missing} not installed")
    return [java, "-jar", str(VNU_JAR), "--format", "json"]


@pytest.fixture
def site(settings, no_page_cache):
    """The demo site, with enough articles and comments for a second page of each, and a
    reply on the first page of comments."""
    settings.PORTAL_RATE_LIMITS = {}
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    settings.PORTAL_COMMENTS_PER_PAGE = 1
    call_command("seed_demo", stdout=io.StringIO())
    article = commented_article()
    newest = article.comments.filter(parent=None, status=Comment.Status.APPROVED).latest("pk")
    Comment.objects.create(
        target=article, parent=newest, name="Trả lời", text="Đồng ý.", status="approved"
    )
    refresh_comment_counts(Article, [article.pk])
    category = article.category
    for number in range(PAGE_SIZE):
        make_article(
            category, title=f"Thông báo số {number} của phường", slug=f"thong-bao-{number}"
        )


def fetch(client, state, address, status=200, method="get", data=None):
    response = getattr(client, method)(address, data or {})
    assert response.status_code == status, f"{state}: {address} answered {response.status_code}"
    return state, response.content


def rendered_pages(client, settings):
    """(state, HTML) of every public page type (each with the sidebar and its statistics
    block), in English too where the language changes the markup (language switch, og:locale)."""
    article = commented_article()
    article_url = article.get_absolute_url()
    comment_url = reverse("comments:post", args=["bai-viet", article.pk])
    pages = [fetch(client, *page) for page in public_page_types(article)]
    pages += [
        fetch(client, "category page 2", f"{article.category.get_absolute_url()}?page=2"),
        fetch(client, "article with rating and comments", article_url),
        fetch(client, "print view with the comments", f"{article_url}in/?{PRINT_PARAMETER}=1"),
        fetch(client, "article, second page of comments", f"{article_url}?comments_page=2"),
        fetch(client, "article, replying", f"{article_url}?tra-loi={article.comments.first().pk}"),
        fetch(client, "article with its security code", comment_url, 200, "post", SHOW_CODE),
        fetch(client, "article, comment form with errors", comment_url, 400, "post", {"text": ""}),
        fetch(client, "contact with its security code", "/lien-he/gui/", 200, "post", CONTACT),
        fetch(client, "contact form with errors", "/lien-he/gui/", 400, "post", {"name": ""}),
    ]
    no_cookie = Client(enforce_csrf_checks=True, raise_request_exception=False)
    pages.append(fetch(no_cookie, "403 page of a form without CSRF", "/i18n/setlang/", 403, "post"))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    pages.append(fetch(client, "home in English", "/"))
    pages.append(fetch(client, "article in English", article_url))
    settings.PORTAL_RATE_LIMITS = {"articles:search": (0, 60)}
    pages.append(fetch(client, "429 page", "/tim-kiem/?q=qua+nhieu", 429))
    return pages


def is_reported(message):
    """Errors, and warnings too (text not in NFC, an <article> without a heading...), but not
    the checker's guess that a page is in Vietnamese: in English the articles stay Vietnamese."""
    if message.get("type") == "info" and message.get("subType") != "warning":
        return False
    return "appears to be written in" not in message.get("message", "")


def describe(pages, messages):
    lines = []
    for message in messages:
        state = pages.get(Path(message.get("url", "")).stem, message.get("url"))
        where = f"line {message['lastLine']}" if "lastLine" in message else ""
        lines.append(f"{state} {where}: {message['message']}")
        if message.get("extract"):
            lines.append(f"    {message['extract'].strip()}")
    return "\n".join(lines)


def test_every_public_page_type_is_valid_html(vnu, site, settings, tmp_path):
    client = Client(raise_request_exception=False)
    pages = {}
    for number, (state, html) in enumerate(rendered_pages(client, settings)):
        (tmp_path / f"page-{number}.html").write_bytes(html)
        pages[f"page-{number}"] = state
    files = sorted(str(path) for path in tmp_path.glob("page-*.html"))
    run = subprocess.run(
        vnu + files, capture_output=True, text=True, timeout=CHECKER_SECONDS, check=False
    )
    assert run.returncode in (0, 1), f"the checker did not run:\n{run.stderr}"
    messages = json.loads(run.stderr)["messages"]
    found = [message for message in messages if is_reported(message)]
    assert not found, f"the Nu HTML Checker found errors:\n{describe(pages, found)}"
