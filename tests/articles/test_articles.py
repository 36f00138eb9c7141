import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db.models import F
from django.template import Context, Template
from django.utils import timezone

from articles.models import Article
from portal.text import fold, vietnamese_slugify
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_slug_from_vietnamese_title():
    assert vietnamese_slugify("Đại hội Đảng bộ") == "dai-hoi-dang-bo"
    assert fold("Phù Vân") == "phu van"


def test_article_slug_is_generated_and_unique():
    first = make_article(title="Đại hội Đảng bộ phường nhiệm kỳ 2025-2030")
    second = make_article(
        category=first.category, title="Đại hội Đảng bộ phường nhiệm kỳ 2025-2030"
    )
    assert first.slug == "dai-hoi-dang-bo-phuong-nhiem-ky-2025-2030"
    assert second.slug == "dai-hoi-dang-bo-phuong-nhiem-ky-2025-2030-2"


def test_text_is_stored_in_nfc():
    decomposed = unicodedata.normalize("NFD", "Phù Vân")
    article = make_article(title=decomposed, author_byline=decomposed)
    article.refresh_from_db()
    assert article.title == "Phù Vân" == article.author_byline


def test_body_is_sanitized_on_save():
    article = make_article(
        body='<p onclick="x()">Chào<script>alert(1)</script></p><a href="javascript:x()">l</a>'
    )
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert "<p>Chào</p>" in article.body


def test_the_public_sees_only_published_current_articles(client, admin_client):
    now = timezone.now()
    visible = make_article(title="Đang hiển thị")
    hidden = [
        make_article(title="Bản nháp", status=Article.Status.DRAFT),
        make_article(title="Hẹn giờ", publish_at=now + timedelta(days=1)),
        make_article(title="Hết hạn", expire_at=now - timedelta(minutes=1)),
    ]
    assert list(Article.objects.published()) == [visible]
    assert client.get(visible.get_absolute_url()).status_code == 200
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        preview = admin_client.get(article.get_absolute_url())
        assert preview.status_code == 200
        assert "Xem trước" in preview.content.decode()


def test_article_page_shows_the_seed_page_parts(client):
    published = datetime(2025, 7, 18, 12, 3, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    article = make_article(
        title="Đại hội Đảng bộ các cơ quan Đảng phường",
        publish_at=published,
        author_byline="Quỳnh Thêm - Đức Quang",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Đại hội Đảng bộ các cơ quan Đảng phường</title>" in html
    assert "Thứ sáu - 18/07/2025 12:03" in html
    assert "Tác giả bài viết: <strong>Quỳnh Thêm - Đức Quang</strong>" in html
    assert '<meta property="og:title" content="Đại hội Đảng bộ các cơ quan Đảng phường">' in html


@pytest.mark.parametrize(
    ("value", "expected"), [(2557241, "2,557,241"), (0, "0"), ("x", "x"), (None, "None")]
)
def test_thousands_filter(value, expected):
    rendered = Template("{% load portal_tags %}{{ value|thousands }}").render(
        Context({"value": value})
    )
    assert rendered == expected


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"><circle/></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
    '<form action="javascript:alert(1)"><input type="submit"></form>',
    '<details open ontoggle="alert(1)">x</details>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_body_sanitization_stops_real_xss_payloads(payload, client):
    article = make_article(body=f"<p>Trước</p>{payload}<p>Sau</p>")
    html = client.get(article.get_absolute_url()).content.decode()
    body = html.split('class="article__body">', 1)[1].split("</div>", 1)[0]
    lowered = body.lower()
    for marker in [
        "<script",
        "javascript:",
        "vbscript:",
        "onerror",
        "onload",
        "ontoggle",
        "<iframe",
        "<object",
        "<embed",
        "<style",
        "style=",
        "<form",
        "<base",
        "<meta",
        "data:text",
    ]:
        assert marker not in lowered, (payload, body)
    assert "<p>Trước</p>" in body


def test_saving_an_article_never_overwrites_its_view_count():
    article = make_article()
    stale = Article.objects.get(pk=article.pk)
    Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 5)
    stale.title = "Tiêu đề đã sửa"
    stale.save()
    stale.refresh_from_db()
    assert (stale.title, stale.view_count) == ("Tiêu đề đã sửa", 5)
