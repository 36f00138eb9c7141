"""A reader sends a message from the contact page: e-mails, confirmation, refusals."""

import pytest
from django.core import mail

from contact.models import ContactMessage
from tests.factories import first_site

from .helpers import PAGE, SEND, message_data, office_unit, reader

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_office_and_a_form_with_the_units_that_have_an_e_mail(client):
    site = first_site()
    site.office_address, site.phone, site.email = "Số 1 đường Hùng Vương", "0210 3846 111", ""
    site.save()
    office_unit()
    office_unit(name="Đội trật tự", email="")
    html = client.get(PAGE).content.decode()
    assert "Số 1 đường Hùng Vương" in html and 'href="tel:02103846111"' in html
    assert "Văn phòng HĐND và UBND" in html and "Đội trật tự" not in html
    assert 'name="website"' in html and "captcha--lazy" in html
    assert "Gửi cho tôi một bản sao qua thư điện tử" in html


def test_a_valid_message_is_stored_the_unit_is_e_mailed_and_the_reader_confirmed(
    django_capture_on_commit_callbacks,
):
    unit = office_unit()
    with django_capture_on_commit_callbacks(execute=True):
        response = reader().post(SEND, message_data(unit=unit.pk))
    message = ContactMessage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/lien-he/da-gui/{message.reference}/"
    assert (message.unit, message.status, message.site) == (unit, "new", first_site())
    assert message.message == "Xin cho biết lịch tiêm chủng\ntháng tới của trạm y tế."
    assert len(message.address) == 40 and "203.0.113.9" not in message.address
    [notice] = mail.outbox
    assert notice.to == ["vanphong@example.gov.vn"]
    assert message.reference in notice.subject and "Hỏi về lịch tiêm chủng" in notice.body
    assert f"/admin/contact/contactmessage/{message.pk}/change/" in notice.body
    assert "hoa@example.com" not in notice.body and "trạm y tế" not in notice.body
    page = reader().get(response["Location"]).content.decode()
    assert message.reference in page and "Văn phòng HĐND và UBND" in page
    assert "hoa@example.com" not in page


def test_the_office_s_address_gets_messages_to_the_office(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reader().post(SEND, message_data())
    assert ContactMessage.objects.get().unit is None
    assert mail.outbox[0].to == [first_site().email]


def test_a_copy_goes_to_the_sender_only_when_asked(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reader().post(SEND, message_data())
    assert [email.to for email in mail.outbox] == [[first_site().email]]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reader("198.51.100.7").post(SEND, message_data(email="an@example.com", send_copy="on"))
    copy = mail.outbox[1]
    assert copy.to == ["an@example.com"]
    assert "Xin cho biết lịch tiêm chủng" in copy.body and "Bản sao" in copy.subject


def test_a_phone_number_alone_is_enough():
    response = reader().post(SEND, message_data(email="", phone="0912 345 678"))
    assert response.status_code == 302
    assert ContactMessage.objects.get().phone == "0912 345 678"


INVALID = [
    ({"name": ""}, "Vui lòng nhập họ và tên."),
    ({"email": "", "phone": ""}, "Vui lòng cho biết thư điện tử hoặc số điện thoại"),
    ({"email": "khong-hop-le"}, "Địa chỉ thư điện tử không hợp lệ."),
    ({"phone": "goi toi nhe"}, "Số điện thoại không hợp lệ"),
    ({"email": "", "phone": "0912345678", "send_copy": "on"}, "Để nhận bản sao"),
    ({"subject": ""}, "Vui lòng nhập tiêu đề"),
    ({"message": ""}, "Vui lòng viết nội dung"),
    ({"message": "x" * 5001}, "Nội dung quá dài"),
    ({"captcha_1": "SAI00"}, "Mã bảo mật không chính xác"),
    ({"unit": "999999"}, "Vui lòng chọn một đơn vị trong danh sách."),
]


@pytest.mark.parametrize(("change", "error"), INVALID)
def test_invalid_input_answers_400_in_vietnamese_keeping_what_was_typed(change, error):
    data = message_data(**{"phone": "0912 000 111", **change})
    response = reader().post(SEND, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert error in html
    assert "Tin nhắn chưa được gửi" in html
    for name in ("name", "subject"):
        if data[name]:
            assert f'value="{data[name]}"' in html
    if data["message"] and len(data["message"]) < 100:
        assert "tháng tới của trạm y tế.</textarea>" in html
    assert 'name="captcha_1"' in html and 'value="SAI00"' not in html
    assert not ContactMessage.objects.exists()


def test_another_site_s_unit_is_refused():
    from tenancy.services import add_site

    other, _created = add_site("hoabinh.example.gov.vn", "Xã Hòa Bình")
    unit = office_unit(site=other)
    response = reader().post(SEND, message_data(unit=unit.pk))
    assert response.status_code == 400
    assert "Vui lòng chọn một đơn vị trong danh sách." in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_code_is_used_once():
    data = message_data()
    assert reader().post(SEND, data).status_code == 302
    again = reader("198.51.100.20").post(SEND, {**data, "email": "khac@example.com"})
    assert again.status_code == 400
    assert "Mã bảo mật không chính xác" in again.content.decode()
    assert ContactMessage.objects.count() == 1


def test_the_honeypot_takes_nothing():
    response = reader().post(SEND, message_data(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == "/lien-he/da-gui/-/"
    assert not ContactMessage.objects.exists()
    assert reader().get(response["Location"]).status_code == 200


def test_without_javascript_the_code_comes_on_request_with_the_text_kept():
    data = message_data(show_captcha="1")
    response = reader().post(SEND, data)
    html = response.content.decode()
    assert response.status_code == 200 and not ContactMessage.objects.exists()
    assert 'value="Hỏi về lịch tiêm chủng"' in html and "captcha__image" in html


def test_flood_limits_per_address_and_per_e_mail(settings):
    settings.PORTAL_CONTACT_HOURLY_LIMIT = 2
    assert reader().post(SEND, message_data()).status_code == 302
    too_soon = reader().post(SEND, message_data(email="khac@example.com"))
    assert too_soon.status_code == 429 and int(too_soon["Retry-After"]) > 0
    assert "Bạn vừa gửi một tin nhắn" in too_soon.content.decode()
    assert 'value="Hỏi về lịch tiêm chủng"' in too_soon.content.decode()
    same_email = reader("198.51.100.3").post(SEND, message_data())
    assert same_email.status_code == 429
    settings.PORTAL_CONTACT_INTERVAL_SECONDS = 0
    assert reader().post(SEND, message_data(email="ba@example.com")).status_code == 302
    hourly = reader().post(SEND, message_data(email="bon@example.com"))
    assert hourly.status_code == 429
    assert "trong một giờ qua" in hourly.content.decode()
    assert reader("198.51.100.4").post(SEND, message_data(email="x@example.com")).status_code == 302


def test_a_reference_of_another_site_is_not_found():
    from tenancy.services import add_site

    other, _created = add_site("hoabinh.example.gov.vn", "Xã Hòa Bình")
    message = ContactMessage.objects.create(
        site=other, name="A", email="a@example.com", subject="S", message="M"
    )
    assert reader().get(f"/lien-he/da-gui/{message.reference}/").status_code == 404


@pytest.mark.parametrize("reference", ["%00", "x%00", "AB%2FCD", "ABCDEFGHJKMNP"])
def test_a_reference_that_no_message_can_have_is_not_found(reference):
    """Found by the fuzz walk: a NUL byte reached PostgreSQL, which refuses it (500)."""
    assert reader().get(f"/lien-he/da-gui/{reference}/").status_code == 404
