"""The staff's inbox: who may open it, the counts per unit, answering by e-mail, statuses."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from contact.models import ContactMessage
from tenancy.roles import Role
from tests.factories import first_site

from .helpers import make_message, office_unit

pytestmark = pytest.mark.django_db

INBOX = reverse("admin:contact_contactmessage_changelist")


def change_url(message):
    return reverse("admin:contact_contactmessage_change", args=[message.pk])


@pytest.fixture
def moderator(client, member):
    user = member(Role.MODERATOR, username="kiemduyet")
    client.force_login(user)
    return user


def answer_form(message, **fields):
    data = {
        "unit": message.unit_id or "",
        "status": message.status,
        "notes": message.notes,
        "answer": "",
        **fields,
    }
    return data


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.SITE_ADMINISTRATOR])
def test_moderators_and_site_administrators_keep_the_inbox(client, member, role):
    client.force_login(member(role))
    make_message(subject="Hỏi về giấy phép xây dựng")
    response = client.get(INBOX)
    assert response.status_code == 200
    assert "Hỏi về giấy phép xây dựng" in response.content.decode()


def test_an_editor_has_no_inbox(client, member):
    client.force_login(member(Role.EDITOR))
    assert client.get(INBOX).status_code == 403


def test_the_inbox_counts_new_messages_per_unit(client, moderator):
    unit = office_unit()
    make_message(unit=unit)
    make_message(unit=unit)
    make_message(unit=unit, status=ContactMessage.Status.HANDLING)
    make_message()
    make_message(status=ContactMessage.Status.CLOSED)
    html = client.get(INBOX).content.decode()
    assert "Văn phòng HĐND và UBND</a>: 2 mới, 1 đang xử lý" in html
    assert "Cơ quan</a>: 1 mới" in html
    filtered = client.get(INBOX, {"status__exact": "new", "unit__id__exact": unit.pk})
    assert filtered.context["cl"].result_count == 2
    office = client.get(INBOX, {"status__exact": "new", "unit__isnull": "True"})
    assert office.context["cl"].result_count == 1


def test_answering_e_mails_the_sender_from_the_site_s_address(client, moderator):
    site = first_site()
    message = make_message(email="tam@example.com", subject="Lịch tiếp dân")
    response = client.post(
        change_url(message), answer_form(message, answer="Lãnh đạo tiếp dân sáng thứ Năm.")
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.ANSWERED
    assert message.answered_at and message.handled_by == moderator
    [answer] = mail.outbox
    assert answer.to == ["tam@example.com"] and site.email in answer.from_email
    assert answer.reply_to == [site.email]
    assert "Lãnh đạo tiếp dân sáng thứ Năm." in answer.body and "Lịch tiếp dân" in answer.body
    assert message.reference in answer.subject
    page = client.get(change_url(message)).content.decode()
    assert 'name="answer"' not in page and "Lãnh đạo tiếp dân sáng thứ Năm." in page


def test_an_answer_that_cannot_be_e_mailed_is_not_saved(client, moderator, monkeypatch):
    def fail(self, messages):
        raise OSError("SMTP down")

    monkeypatch.setattr(EmailBackend, "send_messages", fail)
    message = make_message()
    response = client.post(
        change_url(message), answer_form(message, answer="Trả lời."), follow=True
    )
    assert "Không gửi được thư trả lời" in response.content.decode()
    message.refresh_from_db()
    assert (message.status, message.answer, message.answered_at) == ("new", "", None)


def test_a_sender_without_e_mail_is_answered_by_phone(client, moderator):
    message = make_message(email="", phone="0912 345 678")
    response = client.post(change_url(message), answer_form(message, answer="Đã gọi."))
    assert response.status_code == 200
    assert "Người gửi không cho biết thư điện tử" in response.content.decode()
    assert not mail.outbox


def test_status_changes_record_who_handles_the_message(client, moderator):
    message = make_message()
    client.post(change_url(message), answer_form(message, status="handling", notes="Đã gọi lại."))
    message.refresh_from_db()
    assert (message.status, message.handled_by, message.notes) == (
        "handling",
        moderator,
        "Đã gọi lại.",
    )
    other = make_message(subject="Khác")
    client.post(INBOX, {"action": "mark_closed", "_selected_action": [other.pk], "index": 0})
    other.refresh_from_db()
    assert other.status == "closed" and other.handled_by == moderator


def test_a_message_can_go_to_another_unit_of_the_site_only(client, moderator):
    from tenancy.services import add_site

    other_site, _created = add_site("hoabinh.example.gov.vn", "Xã Hòa Bình")
    theirs = office_unit(site=other_site)
    ours = office_unit(name="Công an phường")
    message = make_message()
    refused = client.post(change_url(message), answer_form(message, unit=theirs.pk))
    assert refused.status_code == 200
    client.post(change_url(message), answer_form(message, unit=ours.pk))
    message.refresh_from_db()
    assert message.unit == ours


def test_nobody_adds_a_message_in_the_admin(client, moderator, admin_client):
    assert admin_client.get(reverse("admin:contact_contactmessage_add")).status_code == 403


def test_the_message_reads_as_typed_and_nothing_in_it_runs(client, moderator):
    message = make_message(message='Dòng một.\nDòng hai <script>alert("x")</script>')
    html = client.get(change_url(message)).content.decode()
    assert "<p>Dòng một.<br>Dòng hai &lt;script&gt;" in html
    assert '<script>alert("x")' not in html
    assert '<option value="" selected>Cơ quan</option>' in html
