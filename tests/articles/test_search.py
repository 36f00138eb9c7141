from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import search
from articles.matching import Ranked, search_articles
from articles.models import Article
from articles.search import excerpt, highlight, similar_titles
from portal.text import fold, query_words
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SEARCH = reverse("articles:search")
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text and trigram indexes"
)


def found(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return [article.title for article in response.context.get("articles", [])]


def ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.mark.parametrize("query", ["phu van", "PHÙ VÂN", "Phu Vân", "phù  vân!"])
def test_accents_and_case_are_ignored(client, query):
    make_article(title="Lễ hội truyền thống phường Phù Vân")
    make_article(title="Tin khác", summary="Không liên quan.")
    assert found(client, q=query) == ["Lễ hội truyền thống phường Phù Vân"]


@pytest.mark.parametrize("query", ["dai hoi dang", "Đại hội Đảng", "đai hoi đang"])
def test_d_stroke_matches_d(client, query):
    make_article(title="Đại hội Đảng bộ phường")
    make_article(title="Dai hoi dang bo, khong dau")
    assert sorted(found(client, q=query)) == [
        "Dai hoi dang bo, khong dau",
        "Đại hội Đảng bộ phường",
    ]


def test_author_and_source_are_searched(client):
    make_article(title="Bài có tác giả", author_byline="Quỳnh Thêm", source="Báo Ninh Bình")
    assert found(client, q="quynh them") == ["Bài có tác giả"]
    assert found(client, q="bao ninh binh") == ["Bài có tác giả"]


def test_title_matches_rank_above_body_matches_then_newest(client):
    category = make_category()
    make_article(category, title="Tin cũ về Phù Vân", publish_at=ago(30))
    make_article(category, title="Tin mới về Phù Vân", publish_at=ago(2))
    make_article(category, title="Hội nghị", summary="Phường Phù Vân họp.", publish_at=ago(1))
    assert found(client, q="phu van") == ["Tin mới về Phù Vân", "Tin cũ về Phù Vân", "Hội nghị"]


def ranked_articles():
    """Newest first: scattered words, other accents side by side, the typed words; then the
    same three kinds in the text only."""
    for days, title, body in [
        (1, "Người dân đang chờ bố trí tái định cư", "Tin."),
        (2, "Dạng bò sát quý hiếm ở phường", "Tin."),
        (3, "Đại hội Đảng bộ phường nhiệm kỳ mới", "Tin."),
        (4, "Tin thứ nhất", "Cả nhà đang họp thì bố về."),
        (5, "Tin thứ hai", "Hội nghị Đảng bộ phường."),
    ]:
        make_article(title=title, summary="Tóm tắt.", body=f"<p>{body}</p>", publish_at=ago(days))


def test_an_accent_free_query_ranks_words_side_by_side_above_scattered_words(client):
    ranked_articles()
    assert found(client, q="dang bo") == [
        "Dạng bò sát quý hiếm ở phường",
        "Đại hội Đảng bộ phường nhiệm kỳ mới",
        "Người dân đang chờ bố trí tái định cư",
        "Tin thứ hai",
        "Tin thứ nhất",
    ]


def test_the_accents_as_typed_rank_first(client):
    ranked_articles()
    assert found(client, q="Đảng bộ")[:3] == [
        "Đại hội Đảng bộ phường nhiệm kỳ mới",
        "Dạng bò sát quý hiếm ở phường",
        "Người dân đang chờ bố trí tái định cư",
    ]
    assert found(client, q="đảng")[:2] == [
        "Đại hội Đảng bộ phường nhiệm kỳ mới",
        "Người dân đang chờ bố trí tái định cư",
    ]


def test_pages_of_the_ranked_tiers_are_those_of_one_ordered_query():
    ranked_articles()
    everything = Article.objects.published()
    expected = [a.title for a in search_articles(everything, "dang bo")]
    ranked = Ranked(everything, "dang bo", cap=100)
    assert [a.title for a in ranked[0:2] + ranked[2:3] + ranked[3:10]] == expected
    assert ranked.count() == 5
    # Beyond the cap only the title matches are ranked, then the others come newest first.
    capped = Ranked(everything, "dang bo", cap=4)
    assert capped.count() == 5
    assert [a.title for a in capped[0:5]] == [*expected[:3], "Tin thứ nhất", "Tin thứ hai"]
    # Beyond it in the titles too: the title matches newest first.
    many_titles = Ranked(everything, "dang bo", cap=2)
    assert many_titles.count() == 3
    assert [a.title for a in many_titles[0:3]] == [
        "Người dân đang chờ bố trí tái định cư",
        "Dạng bò sát quý hiếm ở phường",
        "Đại hội Đảng bộ phường nhiệm kỳ mới",
    ]


def test_every_word_must_match(client):
    make_article(title="Phù Vân mở hội", body="<p>Nội dung.</p>")
    make_article(title="Phù Vân", body="<p>Giải bóng đá.</p>")
    assert found(client, q="phu van bong da") == ["Phù Vân"]


def test_only_published_articles_are_found(client):
    make_article(title="Công khai Phù Vân")
    make_article(title="Nháp Phù Vân", status=Article.Status.DRAFT)
    make_article(title="Hẹn giờ Phù Vân", publish_at=timezone.now() + timedelta(days=1))
    make_article(title="Hết hạn Phù Vân", expire_at=ago(1))
    assert found(client, q="phu van") == ["Công khai Phù Vân"]
    for hidden in ["nhap", "hen gio", "het han"]:
        assert list(similar_titles(Article.objects.published(), hidden)) == []


def test_category_filter_includes_subcategories(client):
    government = make_category("Chính quyền")
    council = make_category("Hội đồng nhân dân", parent=government)
    news = make_category("Tin tức")
    make_article(government, title="Phù Vân: chính quyền")
    make_article(council, title="Phù Vân: kỳ họp hội đồng")
    extra = make_article(news, title="Phù Vân: tin tức có thêm chuyên mục")
    make_article(news, title="Phù Vân: tin tức")
    extra.extra_categories.add(council)
    assert sorted(found(client, q="phu van", category=government.slug)) == [
        "Phù Vân: chính quyền",
        "Phù Vân: kỳ họp hội đồng",
        "Phù Vân: tin tức có thêm chuyên mục",
    ]
    assert found(client, q="phu van", category=council.slug) == [
        "Phù Vân: tin tức có thêm chuyên mục",
        "Phù Vân: kỳ họp hội đồng",
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("10/03/2025", "11/03/2025", ["Ngày 11", "Ngày 10"]),
        ("2025-03-11", "2025-03-11", ["Ngày 11"]),
        ("11/3/2025", "", ["Ngày 12", "Ngày 11"]),
        ("", "2025-03-10", ["Ngày 10", "Ngày 9"]),
        ("01/01/0001", "31/12/9999", ["Ngày 12", "Ngày 11", "Ngày 10", "Ngày 9"]),
    ],
)
def test_date_filter_is_inclusive_in_local_time(client, start, end, expected):
    category = make_category()
    for day, hour in [(9, 23), (10, 0), (11, 23), (12, 0)]:
        published = datetime(2025, 3, day, hour, 30, tzinfo=HANOI)
        make_article(category, title=f"Ngày {day}", summary="Phù Vân", publish_at=published)
    assert found(client, q="phu van", **{"from": start, "to": end}) == expected


def test_results_are_paginated_and_pages_keep_the_query(client):
    category = make_category()
    for n in range(12):
        make_article(category, title=f"Bản tin Phù Vân số {n}", publish_at=ago(n + 1))
    first = client.get(SEARCH, {"q": "phu van", "category": category.slug})
    assert len(first.context["articles"]) == 10
    html = first.content.decode()
    assert "12 bài viết" in html
    assert f'href="?q=phu+van&amp;category={category.slug}&amp;page=2"' in html
    second = found(client, q="phu van", category=category.slug, page="2")
    assert second == ["Bản tin Phù Vân số 10", "Bản tin Phù Vân số 11"]
    assert found(client, q="phu van", page="abc")[0] == "Bản tin Phù Vân số 0"
    assert found(client, q="phu van", page="999999") == second


def test_results_are_highlighted_in_title_and_excerpt(client):
    make_article(
        title="Lễ hội Phù Vân",
        summary="Tóm tắt.",
        body="<p>Mở đầu.</p><p>Người dân phường <strong>Phù Vân</strong> tham gia.</p>",
    )
    html = client.get(SEARCH, {"q": "phu van"}).content.decode()
    assert "Lễ hội <mark>Phù</mark> <mark>Vân</mark>" in html
    assert "Mở đầu. Người dân phường <mark>Phù</mark> <mark>Vân</mark> tham gia." in html


def test_query_and_content_are_escaped(client):
    make_article(title="Phù Vân <b>đậm</b>", summary="<script>alert(1)</script> Phù Vân")
    response = client.get(SEARCH, {"q": "<script>alert(1)</script> phu van"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt; phu van"' in html
    assert "<mark>Phù</mark> <mark>Vân</mark> &lt;b&gt;đậm&lt;/b&gt;" in html
    assert "&lt;<mark>script</mark>&gt;<mark>alert</mark>(<mark>1</mark>)&lt;/" in html


def test_empty_query_shows_only_the_form(client):
    make_article(title="Phù Vân")
    for params in [{}, {"q": "   "}]:
        response = client.get(SEARCH, params)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'name="q"' in html
        assert "search-results" not in html
        assert "searched" not in response.context


def test_query_without_words_finds_nothing(client):
    make_article(title="Phù Vân")
    html = client.get(SEARCH, {"q": "!!! ***"}).content.decode()
    assert "Không tìm thấy bài viết nào phù hợp." in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "phu van " * 3000}, "không quá 200 ký tự"),
        ({"q": "a b c d e f g h i j k"}, "không quá 10 từ"),
        ({"q": "phu\x00van"}, "Từ khóa có ký tự không hợp lệ."),
        ({"q": "phu van", "from": "31/02/2025"}, "Ngày không hợp lệ"),
        ({"q": "phu van", "to": "hôm qua\x00"}, "Ngày không hợp lệ"),
        ({"q": "phu van", "from": "12/03/2025", "to": "2025-03-11"}, "không được trước"),
        ({"q": "phu van", "category": "khong-co"}, "Chuyên mục này không tồn tại."),
        ({"q": "phu van", "category": "x\x00'; drop"}, "Chuyên mục này không tồn tại."),
    ],
)
def test_bad_input_gets_a_vietnamese_message_and_keeps_what_was_typed(client, params, message):
    make_article(title="Phù Vân")
    response = client.get(SEARCH, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "search-results" not in html
    assert 'aria-invalid="true"' in html


def test_form_keeps_valid_input(client):
    category = make_category("Tin tức")
    response = client.get(
        SEARCH, {"q": "Phù Vân", "category": category.slug, "from": "01/03/2025", "to": "x"}
    )
    html = response.content.decode()
    assert 'value="Phù Vân"' in html
    assert f'<option value="{category.slug}" selected>' in html
    assert 'value="2025-03-01"' in html
    assert 'value="x"' in html


@pytest.mark.parametrize(
    "query",
    [
        "\U0001d518\U0001d52b\U0001d526 \u2603 漢字 \U0001f600",
        "'\\:*&|!()<->",
        "a:* & !b",
        "2025-2030",
        "12/2025/QĐ-UBND",
        "_",
        "ﬁ İ ß",
    ],
)
def test_odd_queries_do_not_fail(client, query):
    make_article(title="Nhiệm kỳ 2025-2030, quyết định 12/2025/QĐ-UBND")
    assert client.get(SEARCH, {"q": query}).status_code == 200


def test_document_numbers_are_found(client):
    make_article(title="Nhiệm kỳ 2025-2030, quyết định 12/2025/QĐ-UBND")
    assert len(found(client, q="2025-2030")) == 1
    assert len(found(client, q="12/2025/QĐ-UBND")) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=60))
def test_any_query_can_be_searched_and_highlighted(query):
    title = "Phù Vân <mới> & 2025-2030"
    if not Article.objects.exists():
        make_article(title=title)
    list(search_articles(Article.objects.published(), query))
    list(similar_titles(Article.objects.published(), query))
    marked = str(highlight(title, query_words(query)))
    assert marked.replace("<mark>", "").replace("</mark>", "") == escape(title)


def test_page_query_count(client, django_assert_max_num_queries):
    category = make_category()
    for n in range(12):
        make_article(category, title=f"Phù Vân {n}", body=f"<p>Bài {n} về Phù Vân.</p>")
    client.get(SEARCH, {"q": "phu van"})  # warm the navigation and sidebar caches
    # The title matches' count and the others' count (each capped), then the page's rows.
    with django_assert_max_num_queries(3):
        response = client.get(SEARCH, {"q": "phu van", "category": category.slug, "page": 2})
    assert len(response.context["articles"]) == 2


def test_search_articles_is_a_reusable_queryset_filter():
    category = make_category()
    make_article(category, title="Phù Vân trong chuyên mục")
    make_article(title="Phù Vân ở chuyên mục khác")
    in_category = Article.objects.published().filter(category=category)
    assert [a.title for a in search_articles(in_category, "phu van")] == [
        "Phù Vân trong chuyên mục"
    ]
    assert search_articles(Article.objects.all(), "  ").count() == 0


def test_highlight_maps_folded_matches_back_to_the_original():
    words = query_words("dang phu van")
    assert highlight("Đảng bộ Phù Vân, phường", words) == (
        "<mark>Đảng</mark> bộ <mark>Phù</mark> <mark>Vân</mark>, phường"
    )
    assert highlight("Vânhoa dangky", words) == "Vânhoa dangky"
    assert highlight("A & B <Phù>", words) == "A &amp; B &lt;<mark>Phù</mark>&gt;"
    assert highlight("ﬁ Phù", query_words("phu")) == "ﬁ <mark>Phù</mark>"


def test_highlighting_folds_only_the_characters_of_the_text(monkeypatch):
    """A process's first search once folded every character there is (0.2 s)."""
    for cached in vars(search).values():
        getattr(cached, "cache_clear", lambda: None)()
    folded = []
    monkeypatch.setattr(search, "fold", lambda text: folded.append(text) or fold(text))
    assert highlight("Đảng bộ phường", query_words("dang")) == "<mark>Đảng</mark> bộ phường"
    assert len(folded) < 20


def test_excerpt_is_cut_around_the_first_match():
    text = "Mở đầu dài. " * 40 + "Người dân Phù Vân tham gia đông đủ. " + "Kết thúc. " * 40
    result = str(excerpt(text, query_words("phu van"), length=80))
    assert result.startswith("… ")
    assert result.endswith(" …")
    assert "<mark>Phù</mark> <mark>Vân</mark> tham gia" in result
    assert len(result) < 160
    assert str(excerpt("Ngắn gọn.", ["khong"])) == "Ngắn gọn."


def test_title_matches_need_every_word_in_the_title(client):
    category = make_category()
    make_article(category, title="Phù Vân họp mặt", publish_at=ago(30))
    make_article(category, title="Phù Vân", summary="Cuộc họp cuối năm.", publish_at=ago(1))
    assert found(client, q="phu van hop") == ["Phù Vân họp mặt", "Phù Vân"]


def test_edited_articles_are_found_by_their_new_words(client):
    article = make_article(title="Lễ hội Phù Vân", summary="Tin cũ.")
    article.title, article.summary = "Giải bóng đá Ninh Khánh", "Tin mới."
    article.save()
    assert found(client, q="phu van") == []
    assert found(client, q="ninh khanh tin moi") == ["Giải bóng đá Ninh Khánh"]


@postgresql_only
def test_postgresql_queries_match_the_search_indexes():
    """With sequential scans off, only an index on what the query reads can serve it; the
    stored document is read as it is, never recomputed with to_tsvector."""
    make_article(title="Phù Vân")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = search_articles(Article.objects.all(), "phu van").explain()
    assert "Bitmap Index Scan on article_search_vector_idx" in plan
    assert "search_body" not in plan
    found = Ranked(Article.objects.all(), "phu van", cap=10)
    plan = found.tier(found.match.in_title).explain()
    assert "Bitmap Index Scan on article_search_title_idx" in plan
    plan = similar_titles(Article.objects.all(), "phu vn").explain()
    assert "Bitmap Index Scan on article_search_title_trgm_idx" in plan


def search_schema():
    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(cursor, "articles_article")
        indexes = connection.introspection.get_constraints(cursor, "articles_article")
        cursor.execute(
            "SELECT attstorage FROM pg_attribute"
            " WHERE attrelid = 'articles_article'::regclass AND attname = 'search_document'"
        )
        storage = cursor.fetchone()
    names = {column.name for column in columns}
    return "search_document" in names, storage, sorted(name for name in indexes if "search" in name)


@postgresql_only
def test_postgresql_search_document_migration_is_reversible():
    make_article(title="Phù Vân")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE refuses pending checks
    call_command("migrate", "articles", "0005", verbosity=0)
    assert search_schema() == (
        False,
        None,
        ["article_search_document_idx", "article_search_title_trgm_idx"],
    )
    call_command("migrate", "articles", verbosity=0)
    assert search_schema() == (
        True,
        ("m",),
        ["article_search_title_idx", "article_search_title_trgm_idx", "article_search_vector_idx"],
    )
    assert [a.title for a in search_articles(Article.objects.all(), "phu van")] == ["Phù Vân"]


@postgresql_only
def test_postgresql_suggests_similar_titles_when_nothing_matches(client):
    make_article(title="Lễ hội truyền thống phường Phù Vân")
    response = client.get(SEARCH, {"q": "phu vn"})
    html = response.content.decode()
    assert response.context["articles"] == []
    assert "Có phải bạn muốn tìm:" in html
    assert "Lễ hội truyền thống phường Phù Vân</a>" in html


def test_the_count_of_results_stops_at_a_thousand(client, monkeypatch):
    from articles.search import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "MAX_RESULTS", 20)
    category = make_category("Tin tức")
    for n in range(25):
        make_article(category=category, title=f"Phường Phù Vân tin số {n}")
    response = client.get("/tim-kiem/", {"q": "phu van"})
    paginator = response.context["page_obj"].paginator
    assert paginator.is_capped and paginator.num_pages == 2
    assert "Tìm thấy hơn 20 bài viết" in response.content.decode()
    assert client.get("/tim-kiem/", {"q": "phu van", "page": 3}).status_code == 200


def test_title_matches_come_first_on_every_page_as_in_one_ordered_query():
    now = timezone.now()
    for n in range(7):
        in_title = n % 2 == 0
        make_article(
            title=f"Phù Vân {n}" if in_title else f"Tin số {n}",
            body="<p>Về Phù Vân.</p>",
            publish_at=now - timedelta(hours=n),
        )
    make_article(title="Không liên quan", body="<p>Khác.</p>")
    everything = Article.objects.published()
    expected = [a.title for a in search_articles(everything, "phu van")]
    found = Ranked(everything, "phu van", cap=100)
    pages = [found[0:3], found[3:5], found[5:10]]
    assert [a.title for page in pages for a in page] == expected
    assert expected[:4] == ["Phù Vân 0", "Phù Vân 2", "Phù Vân 4", "Phù Vân 6"]
    assert found.count() == 7
    assert Ranked(everything, "phu van", cap=5).count() == 6
