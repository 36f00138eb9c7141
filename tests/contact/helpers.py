from captcha.models import CaptchaStore
from django.test import Client
from django.urls import reverse

from contact.models import ContactMessage
from tests.factories import first_site
from tests.organisation.factories import make_unit

SEND = reverse("contact:send")
PAGE = reverse("contact:page")


def solved_captcha():
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def message_data(**overrides):
    data = {
        "unit": "",
        "name": "Nguyễn Thị Hoa",
        "email": "hoa@example.com",
        "phone": "",
        "subject": "Hỏi về lịch tiêm chủng",
        "message": "Xin cho biết lịch tiêm chủng\ntháng tới của trạm y tế.",
        **solved_captcha(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def reader(address="203.0.113.9"):
    return Client(REMOTE_ADDR=address)


def office_unit(name="Văn phòng HĐND và UBND", site=None, **fields):
    fields.setdefault("email", "vanphong@example.gov.vn")
    return make_unit(name, site=site or first_site(), **fields)


def make_message(site=None, **fields):
    fields.setdefault("name", "Lê Văn Tâm")
    fields.setdefault("email", "tam@example.com")
    fields.setdefault("subject", "Góp ý")
    fields.setdefault("message", "Nội dung góp ý.")
    return ContactMessage.objects.create(site=site or first_site(), **fields)
