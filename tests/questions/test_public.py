"""The public pages: the list by field with a search without diacritics, a page per question,
the feed, the sitemap and the portal-wide search; cached per site and rebuilt on change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from questions import services

from .helpers import INDEX, make_question, published, reader, sector

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_questions_newest_first_never_contacts():
    older = published(title="Câu hỏi cũ", days_ago=5, name="Nguyễn Văn An", name_shown="short")
    newer = published(title="Câu hỏi mới", days_ago=1, email="bi.mat@example.com")
    make_question(title="Câu hỏi chưa trả lời")
    html = reader().get(INDEX).content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert "Câu hỏi chưa trả lời" not in html and "bi.mat@example.com" not in html
    assert "Nguyễn V. A." in html and "Nguyễn Văn An" not in html


def test_filter_by_field_and_search_without_diacritics():
    land, civil = sector("Đất đai"), sector("Hộ tịch")
    published(title="Cấp sổ đỏ lần đầu", sector=land)
    published(title="Đăng ký khai sinh", sector=civil, answer="<p>Mang giấy chứng sinh.</p>")
    by_field = reader().get(INDEX, {"linh-vuc": land.slug}).content.decode()
    assert "Cấp sổ đỏ lần đầu" in by_field and "Đăng ký khai sinh" not in by_field
    searched = reader().get(INDEX, {"q": "GIAY chung sinh"}).content.decode()
    assert "Đăng ký khai sinh" in searched and "Cấp sổ đỏ" not in searched
    nothing = reader().get(INDEX, {"q": "so do", "linh-vuc": civil.slug}).content.decode()
    assert "Không có câu hỏi đã đăng nào phù hợp" in nothing


def test_the_folded_columns_follow_the_answer():
    question = published(title="Hỏi về thuế", answer="<p>Nộp tại chi cục.</p>")
    services.answer(question, "<p>Nộp trực tuyến qua cổng thuế điện tử.</p>", None)
    assert "Hỏi về thuế" in reader().get(INDEX, {"q": "truc tuyen"}).content.decode()


def test_a_question_s_page_and_its_old_slug(no_page_cache):
    question = published(title="Thời hạn cấp sổ đỏ", residential_group="Tổ 7")
    response = reader().get(question.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and "Không quá 20 ngày làm việc" in html
    assert "bich@example.com" not in html and question.code not in html
    moved = reader().get(reverse("questions:detail", args=[question.pk, "ten-cu"]))
    assert moved.status_code == 301 and moved["Location"] == question.get_absolute_url()
    waiting = make_question()
    assert reader().get(waiting.get_absolute_url()).status_code == 404


def test_another_site_s_questions_are_not_shown_here(other_site):
    theirs = published(site=other_site, title="Câu hỏi của xã Ninh Hải")
    assert "Ninh Hải" not in reader().get(INDEX).content.decode()
    assert reader().get(theirs.get_absolute_url()).status_code == 404
    assert "Ninh Hải" not in reader().get(reverse("questions:feed")).content.decode()
    assert "Ninh Hải" not in reader().get("/tim-kiem/", {"q": "Ninh Hai"}).content.decode()


def test_the_feed_lists_published_answers():
    question = published(title="Lịch tiếp công dân", sector=sector("Nội vụ"))
    make_question(title="Chưa đăng")
    response = reader().get(reverse("questions:feed"))
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Lịch tiếp công dân" in xml and question.get_absolute_url() in xml
    assert "Nội vụ" in xml and "Chưa đăng" not in xml


def test_the_sitemap_has_the_list_and_each_published_question():
    question = published()
    make_question(title="Chưa đăng")
    xml = reader().get("/sitemap-questions.xml").content.decode()
    assert "/hoi-dap/</loc>" in xml and question.get_absolute_url() in xml
    assert xml.count("<url>") == 2


def test_the_portal_search_finds_answers_as_hoi_dap():
    published(title="Cấp giấy phép xây dựng", answer="<p>Nộp hồ sơ tại bộ phận một cửa.</p>")
    html = reader().get("/tim-kiem/", {"q": "mot cua"}).content.decode()
    assert "Cấp giấy phép xây dựng" in html and "Hỏi đáp" in html


def test_pages_are_cached_and_rebuilt_when_a_question_is_published(committed):
    assert reader().get(INDEX)["X-Page-Cache"] == "miss"
    assert reader().get(INDEX)["X-Page-Cache"] == "hit"
    question = services.answer(make_question(title="Câu hỏi vừa trả lời"), "<p>Có.</p>", None)
    with committed():
        services.publish(question)
    response = reader().get(INDEX)
    assert response["X-Page-Cache"] == "miss" and "Câu hỏi vừa trả lời" in response.content.decode()


def test_a_new_field_shows_on_the_cached_form_and_the_form_posts(committed):
    assert "Xây dựng" not in reader().get(reverse("questions:ask")).content.decode()
    with committed():
        sector("Xây dựng")
    client = reader()
    cached = client.get(reverse("questions:ask"))
    assert "Xây dựng" in cached.content.decode()
    second = client.get(reverse("questions:ask"))
    assert second["X-Page-Cache"] == "hit" and "@@csrf-token@@" not in second.content.decode()


def count_queries(path):
    with CaptureQueriesContext(connection) as queries:
        reader().get(path)
    return len(queries)


def test_the_list_queries_do_not_grow_with_questions(no_page_cache):
    for n in range(2):
        published(title=f"Câu hỏi {n}", sector=sector(f"Lĩnh vực {n}"))
    reader().get(INDEX)
    few = count_queries(INDEX)
    for n in range(2, 9):
        published(title=f"Câu hỏi {n}", sector=sector(f"Lĩnh vực {n}"))
    assert count_queries(INDEX) == few
    question = published(title="Một câu hỏi", sector=sector("Y tế"))
    reader().get(question.get_absolute_url())
    assert count_queries(question.get_absolute_url()) <= few


def test_the_list_is_offered_to_menus_and_answers_are_sanitized_on_save():
    from menus import registry

    assert registry.lists()["questions"].url == "questions:index"
    question = published(answer='<p onclick="x()">Có.</p><script>alert(1)</script>')
    assert question.answer == "<p>Có.</p>"
