"""A citizen asks a question: the defences, errors that keep what was typed, the tracking
code on screen and by e-mail."""

import re

import pytest
from django.core import mail

from questions.models import CODE_ALPHABET, CODE_LENGTH, Question
from tests.factories import first_site

from .helpers import ASK, SEND, question_data, reader, sector

pytestmark = pytest.mark.django_db


def test_the_page_has_the_form_with_the_site_s_fields_and_the_defences(client):
    sector("Đất đai")
    html = client.get(ASK).content.decode()
    assert "Đất đai" in html and 'name="residential_group"' in html
    assert 'name="website"' in html and "captcha--lazy" in html
    assert "csrfmiddlewaretoken" in html


def test_a_question_gets_a_code_a_due_date_and_e_mails(committed):
    field = sector()
    with committed():
        response = reader().post(SEND, question_data(sector=field.pk))
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/hoi-dap/da-gui/{question.code}/"
    assert len(question.code) == CODE_LENGTH and set(question.code) <= set(CODE_ALPHABET)
    assert (question.status, question.sector, question.site) == ("new", field, first_site())
    assert question.due_on is not None and "203.0.113.9" not in question.address
    office, receipt = sorted(mail.outbox, key=lambda email: email.to != [first_site().email])
    assert question.code in office.body and "an@example.com" not in office.body
    assert receipt.to == ["an@example.com"] and question.code in receipt.subject
    assert f"/hoi-dap/tra-cuu/?ma={question.code}" in receipt.body
    page = reader("198.51.100.1").get(response["Location"])
    assert question.code in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex" and page["Referrer-Policy"] == "no-referrer"


def test_codes_are_random_not_sequential():
    for n in range(3):
        reader(f"203.0.113.{n}").post(SEND, question_data(email=f"a{n}@example.com"))
    stored = list(Question.objects.values_list("code", flat=True))
    assert len(set(stored)) == 3
    assert all(re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", code) for code in stored)


def test_a_phone_is_enough_and_no_e_mail_goes_to_the_asker(committed):
    with committed():
        reader().post(SEND, question_data(email="", phone="0912 345 678"))
    assert Question.objects.get().phone == "0912 345 678"
    assert [email.to for email in mail.outbox] == [[first_site().email]]


def test_without_e_mail_or_phone_the_form_comes_back_with_everything_typed():
    response = reader().post(SEND, question_data(email="", phone=""))
    html = response.content.decode()
    assert response.status_code == 400 and not Question.objects.exists()
    assert "Vui lòng cho biết thư điện tử hoặc số điện thoại" in html
    assert "Đăng ký khai sinh cần giấy tờ gì?" in html and "Tổ dân phố số 3" in html
    assert "Con tôi mới sinh" in html


def test_a_wrong_security_code_is_refused_and_the_question_kept():
    response = reader().post(SEND, question_data(captcha_1="WRONG"))
    html = response.content.decode()
    assert response.status_code == 400 and not Question.objects.exists()
    assert "Mã bảo mật không chính xác" in html and "Đăng ký khai sinh" in html


def test_the_honeypot_looks_accepted_and_stores_nothing():
    response = reader().post(SEND, question_data(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == "/hoi-dap/da-gui/-/"
    assert not Question.objects.exists()


def test_a_field_of_another_site_is_refused(other_site):
    theirs = sector("Đất đai", site=other_site)
    response = reader().post(SEND, question_data(sector=theirs.pk))
    assert response.status_code == 400 and not Question.objects.exists()
    assert "Vui lòng chọn một lĩnh vực trong danh sách" in response.content.decode()


def test_a_second_question_at_once_is_refused_with_retry_after():
    assert reader().post(SEND, question_data()).status_code == 302
    response = reader().post(SEND, question_data(title="Câu hỏi thứ hai"))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Câu hỏi thứ hai" in response.content.decode()
    assert Question.objects.count() == 1


def test_showing_the_security_code_without_javascript_keeps_the_text():
    data = question_data()
    data["show_captcha"] = "1"
    html = reader().post(SEND, data).content.decode()
    assert "Đăng ký khai sinh cần giấy tờ gì?" in html and 'name="captcha_0"' in html
    assert not Question.objects.exists()


def test_a_far_too_long_question_is_refused_not_echoed(settings):
    settings.PORTAL_QUESTION_MAX_LENGTH = 50
    response = reader().post(SEND, question_data(question="x" * 500))
    html = response.content.decode()
    assert response.status_code == 400 and "x" * 500 not in html


def test_the_form_of_a_cached_page_posts_with_the_reader_s_own_csrf_token():
    reader("198.51.100.7").get(ASK)  # stored in the page cache
    client = reader()
    client.handler.enforce_csrf_checks = True
    page = client.get(ASK)
    assert page["X-Page-Cache"] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    refused = client.post(SEND, question_data())
    assert refused.status_code == 403
    sent = client.post(SEND, {**question_data(), "csrfmiddlewaretoken": token})
    assert sent.status_code == 302 and Question.objects.count() == 1
