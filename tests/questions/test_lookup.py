"""Following a question by its tracking code: status, answer once published, and no way to
try codes in bulk."""

import pytest

from .helpers import LOOKUP, make_question, published, reader

pytestmark = pytest.mark.django_db


def test_the_code_shows_the_status_and_the_due_date_but_not_an_unpublished_answer():
    question = make_question(status="answered", answer="<p>Bản nháp trả lời</p>")
    response = reader().get(LOOKUP, {"ma": question.code.lower()})
    html = response.content.decode()
    assert response.status_code == 200 and question.title in html
    assert "Đã trả lời" in html and "Bản nháp trả lời" not in html
    assert "bich@example.com" not in html
    assert response["Referrer-Policy"] == "no-referrer" and "noindex" in response["X-Robots-Tag"]


def test_a_published_question_shows_its_answer_and_its_page():
    question = published()
    spaced = f"{question.code[:5]} {question.code[5:]}"
    html = reader().get(LOOKUP, {"ma": spaced}).content.decode()
    assert "Không quá 20 ngày làm việc" in html and question.get_absolute_url() in html


def test_a_refused_question_shows_the_reason():
    question = make_question(status="refused", refusal_reason="Không thuộc thẩm quyền")
    assert "Không thuộc thẩm quyền" in reader().get(LOOKUP, {"ma": question.code}).content.decode()


def test_an_unknown_or_malformed_code_is_said_so():
    make_question()
    unknown = reader().get(LOOKUP, {"ma": "ACDEFGHJKM"})
    assert unknown.status_code == 404 and "Không có câu hỏi nào có mã" in unknown.content.decode()
    malformed = reader().get(LOOKUP, {"ma": "1234"})
    assert malformed.status_code == 400 and "Mã tra cứu gồm 10" in malformed.content.decode()
    assert reader().get(LOOKUP, {"ma": "ACDE\x00FGHJK"}).status_code == 400


def test_a_code_of_another_site_finds_nothing_here(other_site):
    theirs = make_question(site=other_site)
    assert reader().get(LOOKUP, {"ma": theirs.code}).status_code == 404


def test_trying_codes_in_bulk_is_stopped(settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "questions:lookup": (3, 60)}
    client = reader()
    statuses = [client.get(LOOKUP, {"ma": "ACDEFGHJK" + c}).status_code for c in "ACDEF"]
    assert statuses[:3] == [404, 404, 404] and statuses[3:] == [429, 429]
