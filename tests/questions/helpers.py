from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from questions.models import Question
from sectors.models import Sector
from tests.contact.helpers import solved_captcha
from tests.factories import first_site

SEND = reverse("questions:send")
ASK = reverse("questions:ask")
LOOKUP = reverse("questions:lookup")
INDEX = reverse("questions:index")


def question_data(**overrides):
    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.com",
        "phone": "",
        "residential_group": "Tổ dân phố số 3",
        "sector": "",
        "title": "Đăng ký khai sinh cần giấy tờ gì?",
        "question": "Con tôi mới sinh,\ncần mang giấy tờ gì?",
        **solved_captcha(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def reader(address="203.0.113.9"):
    return Client(REMOTE_ADDR=address)


def sector(name="Hộ tịch", site=None):
    return Sector.objects.get_or_create(site=site or first_site(), name=name)[0]


def make_question(site=None, **fields):
    fields.setdefault("name", "Trần Thị Bích")
    fields.setdefault("email", "bich@example.com")
    fields.setdefault("title", "Thời hạn cấp sổ đỏ")
    fields.setdefault("question", "Cấp giấy chứng nhận mất bao lâu?")
    return Question.objects.create(site=site or first_site(), **fields)


def published(site=None, days_ago=1, **fields):
    moment = timezone.now() - timedelta(days=days_ago)
    fields.setdefault("answer", "<p>Không quá 20 ngày làm việc.</p>")
    return make_question(
        site, status="published", published_at=moment, answered_at=moment, **fields
    )
