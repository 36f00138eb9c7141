import time

import pytest
from django.urls import reverse

from portal.middleware import IDLE_SESSION_KEY

pytestmark = pytest.mark.django_db


def set_last_activity(client, seconds_ago):
    session = client.session
    session[IDLE_SESSION_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_keep_alive_extends_the_session(client, staff_user, settings):
    client.force_login(staff_user)
    set_last_activity(client, settings.PORTAL_IDLE_TIMEOUT - 5)
    response = client.post(reverse("keep_alive"))
    assert response.status_code == 200
    assert response.json() == {"authenticated": True, "timeout": settings.PORTAL_IDLE_TIMEOUT}
    assert time.time() - client.session[IDLE_SESSION_KEY] < 5


def test_keep_alive_tells_a_signed_out_browser(client):
    response = client.post(reverse("keep_alive"))
    assert response.status_code == 401
    assert response.json() == {"authenticated": False}


def test_keep_alive_needs_post_and_csrf(staff_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    assert client.get(reverse("keep_alive")).status_code == 405
    assert client.post(reverse("keep_alive")).status_code == 403


def test_server_signs_out_after_the_idle_timeout(client, staff_user, settings):
    client.force_login(staff_user)
    set_last_activity(client, settings.PORTAL_IDLE_TIMEOUT + 1)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert "_auth_user_id" not in client.session
    assert client.post(reverse("keep_alive")).status_code == 401


def test_activity_within_the_timeout_keeps_the_session(client, staff_user, settings):
    client.force_login(staff_user)
    set_last_activity(client, settings.PORTAL_IDLE_TIMEOUT - 30)
    assert client.get(reverse("admin:index")).status_code == 200
    assert time.time() - client.session[IDLE_SESSION_KEY] < 5


def test_activity_is_written_at_most_once_a_minute(client, staff_user):
    client.force_login(staff_user)
    set_last_activity(client, 10)
    before = client.session[IDLE_SESSION_KEY]
    client.get(reverse("admin:index"))
    assert client.session[IDLE_SESSION_KEY] == before


def test_health_check_does_not_count_as_activity(client, staff_user, settings):
    client.force_login(staff_user)
    set_last_activity(client, settings.PORTAL_IDLE_TIMEOUT - 30)
    before = client.session[IDLE_SESSION_KEY]
    response = client.get(reverse("healthz"))
    assert response.content == b"ok"
    assert client.session[IDLE_SESSION_KEY] == before


def test_idle_notice_is_only_for_signed_in_users(client, staff_user):
    assert b'id="idle-notice"' not in client.get("/").content
    client.force_login(staff_user)
    page = client.get("/").content.decode()
    assert 'id="idle-notice"' in page
    assert 'data-timeout="1800" data-warning="60"' in page
    admin_page = client.get(reverse("admin:index")).content.decode()
    assert 'id="idle-notice"' in admin_page
    assert "portal/js/idle.js" in admin_page


def test_idle_notice_text_is_vietnamese(client, staff_user):
    client.force_login(staff_user)
    html = client.get("/").content.decode()
    for text in [
        "Bạn đã không sử dụng Site,",
        "Bấm vào đây để duy trì trạng thái đăng nhập",
        "Thời gian chờ:",
        "giây",
    ]:
        assert text in html
