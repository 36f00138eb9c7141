"""The demo wards' questions: published and waiting ones in several fields, one overdue;
seeding again adds nothing."""

import io

import pytest
from django.core.management import call_command

from questions.models import Question
from tenancy.models import Site

pytestmark = pytest.mark.django_db


def test_each_demo_ward_has_published_waiting_and_overdue_questions(client):
    call_command("seed_demo", stdout=io.StringIO())
    count = Question.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Question.objects.count() == count
    for site in Site.objects.all():
        questions = Question.objects.for_site(site)
        assert questions.published().count() >= 2 and questions.open().count() >= 2
        assert questions.overdue().count() == 1
        assert questions.exclude(sector=None).values("sector").distinct().count() >= 3
        assert all(q.due_on for q in questions)
    html = client.get("/hoi-dap/").content.decode()
    assert "Đăng ký khai sinh cho con cần giấy tờ gì?" in html
