"""The staff's steps, through the admin and services: assign, answer in the editor, publish
with the name shortened or hidden, refuse with a reason; the e-mails to the asker."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from questions import services
from questions.models import Question
from questions.names import shortened
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.factories import first_site
from tests.organisation.factories import make_unit

from .helpers import make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, member):
    user = member(Role.MODERATOR, username="kiemduyet")
    client.force_login(user)
    return user


def change_url(question):
    return reverse("admin:questions_question_change", args=[question.pk])


def form_data(question, **changes):
    data = {
        "unit": "",
        "assignee": "",
        "answer": question.answer,
        "name_shown": question.name_shown,
        "refusal_reason": "",
        "step": "save",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Nguyễn Văn An", "Nguyễn V. A."),
        ("  Lê   Thị Hồng Nhung ", "Lê T. H. N."),
        ("Đức", "Đ."),
        ("", ""),
    ],
)
def test_names_are_shortened_to_the_family_name_and_initials(name, short):
    assert shortened(name) == short


def test_assigning_to_a_unit_and_a_staff_member_of_the_site(client, moderator, other_site):
    question = make_question()
    unit = make_unit("Địa chính", site=first_site())
    stranger = get_user_model().objects.create_user("nguoingoai", is_staff=True)
    give_role(stranger, Role.EDITOR, other_site)
    page = client.get(change_url(question)).content.decode()
    assert "kiemduyet" in page and "nguoingoai" not in page
    response = client.post(
        change_url(question), form_data(question, unit=unit.pk, assignee=moderator.pk)
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.unit, question.assignee) == ("assigned", unit, moderator)
    refused = client.post(change_url(question), form_data(question, assignee=stranger.pk))
    assert refused.status_code == 200 and "assignee" in refused.context["adminform"].form.errors


def test_answering_sanitizes_and_publishing_shortens_the_name_and_e_mails_a_link(
    client, moderator, committed
):
    question = make_question(name="Nguyễn Văn An")
    answer = "<p>Mang <strong>giấy chứng sinh</strong>.</p><script>alert(1)</script>"
    with committed():
        client.post(change_url(question), form_data(question, answer=answer, name_shown="short"))
    question.refresh_from_db()
    assert question.status == "answered" and "<script>" not in question.answer
    assert question.answered_by == moderator and not mail.outbox
    with committed():
        client.post(change_url(question), form_data(question, step="publish", name_shown="short"))
    question.refresh_from_db()
    assert question.status == "published" and question.published_at
    [email] = mail.outbox
    assert email.to == ["bich@example.com"] and question.code in email.subject
    link = f"https://testserver{question.get_absolute_url()}"
    assert link in email.body
    page = client.get(question.get_absolute_url())
    html = page.content.decode()
    assert "Nguyễn V. A." in html and "Nguyễn Văn An" not in html
    assert "<strong>giấy chứng sinh</strong>" in html and "bich@example.com" not in html


def test_a_hidden_name_is_not_on_the_page(client, committed):
    question = services.answer(make_question(name="Trần Thị Bích"), "<p>Được.</p>", None)
    services.publish(question, "hidden")
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Giấu tên" in html and "Trần" not in html


def test_publishing_without_an_answer_is_refused(client, moderator):
    question = make_question()
    response = client.post(change_url(question), form_data(question, step="publish"))
    assert response.status_code == 200
    assert "Hãy viết câu trả lời trước khi đăng" in response.content.decode()
    assert Question.objects.get().status == "new"
    with pytest.raises(ValidationError):
        services.publish(question)


def test_refusing_needs_a_reason_which_is_e_mailed(client, moderator, committed):
    question = make_question()
    response = client.post(change_url(question), form_data(question, step="refuse"))
    assert "Vui lòng ghi lý do từ chối" in response.content.decode()
    with committed():
        client.post(
            change_url(question),
            form_data(question, step="refuse", refusal_reason="Không thuộc thẩm quyền."),
        )
    question.refresh_from_db()
    assert question.status == "refused" and question.refused_at
    [email] = mail.outbox
    assert "Không thuộc thẩm quyền." in email.body
    assert client.get(f"/hoi-dap/{question.pk}-{question.slug}/").status_code == 404


def test_withdrawing_takes_it_off_the_site(client, moderator):
    question = services.publish(services.answer(make_question(), "<p>Có.</p>", moderator))
    assert client.get(question.get_absolute_url()).status_code == 200
    client.post(change_url(question), form_data(question, step="withdraw"))
    assert Question.objects.get().status == "answered"
    client.logout()
    assert client.get(question.get_absolute_url()).status_code == 404


def test_staff_without_a_role_on_the_site_cannot_open_the_queue(client, member):
    client.force_login(member(Role.EDITOR))
    question = make_question()
    assert client.get(change_url(question)).status_code == 403


def test_hiding_the_name_of_a_published_question_shows_at_once(client, moderator, committed):
    question = services.publish(services.answer(make_question(), "<p>Có.</p>", moderator), "full")
    client.logout()
    assert "Trần Thị Bích" in client.get(question.get_absolute_url()).content.decode()
    client.force_login(moderator)
    with committed():
        client.post(change_url(question), form_data(question, name_shown="hidden"))
    client.logout()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Giấu tên" in html and "Trần Thị Bích" not in html


def test_a_published_question_cannot_be_refused_before_it_is_withdrawn(client, moderator):
    question = services.publish(services.answer(make_question(), "<p>Có.</p>", moderator))
    data = form_data(question, step="refuse", refusal_reason="Trùng câu hỏi khác.")
    response = client.post(change_url(question), data)
    assert response.status_code == 200
    assert "Hãy gỡ câu hỏi đã đăng trước khi từ chối" in response.content.decode()
    assert Question.objects.get().status == "published"
