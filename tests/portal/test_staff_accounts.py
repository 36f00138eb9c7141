"""Staff accounts: sign-in lockout, sign-in records, passwords, two-step verification and the
admin's configurable address."""

import importlib
from datetime import timedelta

import pytest
from axes.exceptions import AxesBackendRequestParameterRequired
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tenancy.roles import Role
from tenancy.testing import give_role
from tests.portal.test_settings import settings_under

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-123"
# Documentation addresses (RFC 5737): a ward office behind its router, a home connection.
OFFICE = "192.0.2.10"
HOME = "198.51.100.7"
LOCKED = "tạm thời bị khóa đăng nhập"


def sign_in(client, username, password, address=OFFICE):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail(client, username, times, address=OFFICE):
    return [sign_in(client, username, "sai-mat-khau", address) for _ in range(times)][-1]


def signed_in(response):
    return response.status_code == 302 and response.url == reverse("admin:index")


def code(device, steps_ahead=0):
    """The authenticator app's code; steps_ahead=1 is the next one (a code is used only once)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, steps_ahead):06d}"


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser("quantri", password="mat-khau-quan-tri")


@pytest.fixture
def writer(django_user_model):
    """An editor of the first site."""
    user = django_user_model.objects.create_user(
        "phongvien", password="mat-khau-phong-vien", is_staff=True
    )
    return give_role(user, Role.EDITOR)


def test_five_wrong_passwords_lock_the_account_with_a_vietnamese_message(client, staff_user):
    response = fail(client, "bientap", 4)
    assert response.status_code == 200
    assert "Bạn hãy nhập đúng" in response.content.decode()
    response = fail(client, "bientap", 1)
    page = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in page
    assert "thử lại sau 30 phút" in page
    assert 'id="site-name"' in page
    assert 1795 <= int(response["Retry-After"]) <= 1800
    response = sign_in(client, "bientap", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


STRANGER = "203.0.113.66"


def test_a_strangers_failures_do_not_lock_the_owner_out_at_the_office(client, staff_user):
    """The lock is per account and address: anyone could otherwise keep `admin` locked."""
    assert fail(client, "bientap", 9, STRANGER).status_code == 429
    assert sign_in(client, "bientap", PASSWORD, STRANGER).status_code == 429
    assert signed_in(sign_in(client, "bientap", PASSWORD, OFFICE))


def test_the_lock_holds_the_account_at_its_address_only(client, staff_user, writer):
    fail(client, "bientap", 5, OFFICE)
    assert sign_in(client, "bientap", PASSWORD, OFFICE).status_code == 429
    assert signed_in(sign_in(client, "phongvien", "mat-khau-phong-vien", OFFICE))
    client.logout()
    assert signed_in(sign_in(client, "bientap", PASSWORD, HOME))


def test_an_address_locks_at_its_own_higher_limit(client, settings, staff_user):
    settings.PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT = 8
    for number in range(7):
        sign_in(client, f"khach{number}", "sai-mat-khau", OFFICE)
    assert signed_in(sign_in(client, "bientap", PASSWORD, OFFICE))
    client.logout()
    assert sign_in(client, "khach7", "sai-mat-khau", OFFICE).status_code == 429
    assert sign_in(client, "bientap", PASSWORD, OFFICE).status_code == 429
    assert signed_in(sign_in(client, "bientap", PASSWORD, HOME))


def test_the_lock_ends_after_the_cool_off(client, staff_user):
    fail(client, "bientap", 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=31)
    )
    assert signed_in(sign_in(client, "bientap", PASSWORD))


def test_a_sign_in_the_lockout_cannot_count_is_refused(staff_user):
    """Every sign-in form passes its request; code that does not could guess passwords freely."""
    with pytest.raises(AxesBackendRequestParameterRequired):
        authenticate(username=staff_user.username, password="anything")


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_a_sign_in_with_a_foreign_next_lands_on_the_admin_index(client, staff_user, next_url):
    response = client.post(
        reverse("admin:login"),
        {"username": "bientap", "password": PASSWORD, "next": next_url},
        REMOTE_ADDR=OFFICE,
    )
    assert signed_in(response)


def test_the_address_is_the_one_the_trusted_proxy_saw(client, settings, staff_user):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    client.post(
        reverse("admin:login"),
        {"username": "bientap", "password": "sai-mat-khau"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"203.0.113.99, {HOME}",
    )
    assert AccessAttempt.objects.get().ip_address == HOME


def test_an_administrator_unlocks_the_account_in_the_admin(client, writer, administrator):
    fail(client, "phongvien", 5)
    attempt = AccessAttempt.objects.get(username="phongvien")
    client.force_login(administrator)
    changelist = client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "phongvien" in changelist
    assert "Đăng nhập sai gần đây" in changelist
    assert "Đã khóa" in changelist
    assert "Mở khóa các tài khoản và địa chỉ đã chọn" in changelist
    url = reverse("admin:axes_accessattempt_changelist")
    response = client.post(url, {"action": "unlock", "_selected_action": [attempt.pk]}, follow=True)
    assert "Đã mở khóa 1 mục." in response.content.decode()
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert signed_in(sign_in(client, "phongvien", "mat-khau-phong-vien"))


def test_deleting_the_attempt_in_the_admin_also_unlocks(client, writer, administrator):
    fail(client, "phongvien", 5)
    attempt = AccessAttempt.objects.get(username="phongvien")
    client.force_login(administrator)
    url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    client.logout()
    assert signed_in(sign_in(client, "phongvien", "mat-khau-phong-vien"))


def test_sign_ins_sign_outs_and_failures_are_recorded(client, staff_user, administrator):
    fail(client, "bientap", 2, HOME)
    assert signed_in(sign_in(client, "bientap", PASSWORD, OFFICE))
    client.post(reverse("admin:logout"), REMOTE_ADDR=OFFICE)
    failures = AccessFailureLog.objects.order_by("attempt_time")
    assert [(row.username, row.ip_address) for row in failures] == [("bientap", HOME)] * 2
    record = AccessLog.objects.get()
    assert (record.username, record.ip_address) == ("bientap", OFFICE)
    assert record.logout_time is not None
    client.force_login(administrator)
    page = client.get(reverse("admin:axes_accesslog_changelist")).content.decode()
    assert "Nhật ký đăng nhập" in page
    assert OFFICE in page


@pytest.mark.parametrize(
    "password",
    [
        "ngan-qua-11",  # shorter than 12
        "123456789012345",  # only digits
        "password12345",  # a common password
        "MậtKhẩu@2024!",  # a common Vietnamese one, with diacritics and digits around it
        "Anh Yêu Em 12345",
        "phuvan2024@@@@",  # the ward's name
        "bientap-bientap",  # close to the username
    ],
)
def test_weak_passwords_are_refused(password, staff_user):
    staff_user.username = "bientap-bientap"
    with pytest.raises(ValidationError):
        validate_password(password, staff_user)


def test_a_long_uncommon_password_is_accepted(staff_user):
    validate_password("Mèo mướp ngủ trưa dưới gốc mít", staff_user)


def test_the_password_form_shows_the_vietnamese_rule(client, staff_user):
    client.force_login(staff_user)
    page = client.get(reverse("admin:password_change")).content.decode()
    assert "mật khẩu phổ biến hoặc tên phường" in page


# Two-step verification


def a_moment_later(device):
    """After a wrong code django-otp refuses every code for a second; a person takes longer."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=5)
    )


def set_up_authenticator(client):
    client.get(reverse("accounts:setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("accounts:setup"), {"code": code(device)})
    assert response.status_code == 302
    return TOTPDevice.objects.get(pk=device.pk)


def test_two_step_verification_is_optional_by_default(client, staff_user):
    assert signed_in(sign_in(client, "bientap", PASSWORD))
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_header_links_to_two_step_verification(client, staff_user):
    client.force_login(staff_user)
    page = client.get(reverse("admin:index")).content.decode()
    assert f'<a href="{reverse("accounts:setup")}">Xác thực hai bước</a>' in page


def test_staff_set_up_an_authenticator_from_the_admin(client, staff_user):
    client.force_login(staff_user)
    page = client.get(reverse("accounts:setup")).content.decode()
    assert "Xác thực hai bước" in page
    assert 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
    response = client.post(
        reverse("accounts:setup"), {"code": "000000" if code(device) != "000000" else "111111"}
    )
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    a_moment_later(device)
    response = client.post(reverse("accounts:setup"), {"code": code(device)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=staff_user).confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_with_an_authenticator_the_sign_in_asks_for_the_code(client, staff_user):
    client.force_login(staff_user)
    device = set_up_authenticator(client)
    client.logout()
    assert signed_in(sign_in(client, "bientap", PASSWORD))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:verify"))
    page = client.get(response.url).content.decode()
    assert "mã gồm 6 chữ số" in page
    response = client.post(response.url, {"code": "12345a"})
    assert "Mã gồm 6 chữ số" in response.content.decode()
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 302
    response = client.post(
        reverse("accounts:verify"), {"code": code(device, 1), "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_codes_count_as_failed_sign_ins(client, staff_user):
    client.force_login(staff_user)
    device = set_up_authenticator(client)
    client.logout()
    sign_in(client, "bientap", PASSWORD)
    wrong = "000000" if code(device) != "000000" else "111111"
    response = client.post(reverse("accounts:verify"), {"code": wrong}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 200
    assert AccessFailureLog.objects.filter(username="bientap").count() == 1
    for _ in range(4):
        response = client.post(reverse("accounts:verify"), {"code": wrong}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_may_turn_off_optional_verification(client, staff_user):
    client.force_login(staff_user)
    set_up_authenticator(client)
    assert "Tắt xác thực hai bước" in client.get(reverse("accounts:setup")).content.decode()
    client.post(reverse("accounts:setup"))
    assert not TOTPDevice.objects.exists()


def test_when_required_staff_set_up_verification_before_using_the_admin(
    client, settings, staff_user
):
    settings.PORTAL_STAFF_2FA_REQUIRED = True
    assert signed_in(sign_in(client, "bientap", PASSWORD))
    for name in ("admin:index", "admin:articles_article_changelist"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:setup"))
    assert client.post(reverse("keep_alive")).status_code == 200
    page = client.get(reverse("accounts:setup")).content.decode()
    assert "bắt buộc" in page
    set_up_authenticator(client)
    assert client.get(reverse("admin:index")).status_code == 200
    page = client.get(reverse("accounts:setup")).content.decode()
    assert "Tắt xác thực hai bước" not in page
    client.post(reverse("accounts:setup"))
    assert TOTPDevice.objects.filter(user=staff_user).exists()


def test_readers_and_other_accounts_are_never_held(client, settings, django_user_model):
    settings.PORTAL_STAFF_2FA_REQUIRED = True
    assert client.get("/").status_code == 200
    client.force_login(django_user_model.objects.create_user("bandoc", password="x" * 12))
    assert client.get("/").status_code == 200


# The admin's address


@pytest.fixture
def reload_urls():
    def reload():
        importlib.reload(importlib.import_module("portal.urls"))
        clear_url_caches()

    yield reload
    reload()


def test_the_admin_moves_to_the_configured_address(client, staff_user, reload_urls):
    with override_settings(PORTAL_ADMIN_URL="quan-tri-phu-van/"):
        reload_urls()
        assert reverse("admin:index") == "/quan-tri-phu-van/"
        assert reverse("accounts:setup").startswith("/quan-tri-phu-van/")
        assert client.get("/admin/").status_code == 404
        response = client.get("/quan-tri-phu-van/")
        assert response.url.startswith("/quan-tri-phu-van/login/")
        assert fail(client, "bientap", 5).status_code == 429


def test_staff_account_settings_come_from_the_environment():
    env = {
        "PORTAL_ADMIN_URL": "/quan-tri/",
        "PORTAL_STAFF_2FA_REQUIRED": "1",
        "PORTAL_LOGIN_FAILURE_LIMIT": "6",
        "PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT": "40",
        "PORTAL_LOGIN_LOCKOUT_MINUTES": "15",
    }
    assert settings_under(
        env,
        "[s.PORTAL_ADMIN_URL, s.PORTAL_STAFF_2FA_REQUIRED, s.AXES_FAILURE_LIMIT,"
        " s.PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds()]",
    ) == ["quan-tri/", True, 6, 40, 900.0]
