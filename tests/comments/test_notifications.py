"""E-mail to moderators when comments wait: batched in a window, to the right people."""

import itertools

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.utils import translation

from comments import notifications, services
from comments.models import Comment
from tenancy.testing import give_role
from tests.factories import first_site, make_article

pytestmark = pytest.mark.django_db


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "kiemduyet", email="kiemduyet@example.vn", is_staff=True
    )
    give_role(user, "Người kiểm duyệt")
    return user


@pytest.fixture
def article():
    return make_article(title="Góp ý chỉnh trang đô thị")


@pytest.fixture
def post(article, django_capture_on_commit_callbacks):
    """Post a guest comment as the public form does, running its on-commit notification;
    each from another reader, so the flood rules let them all through."""
    readers = itertools.count()

    def post(text="Đề nghị sửa đèn đường ngõ 7.", name="Trần Thị Bình"):
        n = next(readers)
        with django_capture_on_commit_callbacks(execute=True):
            return services.post_comment(
                article, name=name, email=f"doc-gia-{n}@example.vn", text=text, address=f"a{n}"
            )

    return post


def window_passes():
    cache.delete(notifications.window_key(first_site()))


@pytest.fixture
def shared_cache(settings, tmp_path):
    """The command needs a cache shared by processes: Redis when configured, else files."""
    if not notifications.cache_is_shared():
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }


def test_moderators_are_the_active_staff_allowed_to_moderate(django_user_model, moderator):
    create = django_user_model.objects.create_user
    create("sieuquantri", email="Admin@Example.vn", is_staff=True, is_superuser=True)
    direct = create("truongban", email="truongban@example.vn", is_staff=True)
    direct.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
    create("nghiviec", email="cu@example.vn", is_staff=True, is_superuser=True, is_active=False)
    create("khongthu", email="", is_staff=True, is_superuser=True)
    create("bandoc", email="bandoc@example.vn", is_superuser=True)
    editor = create("bientap", email="bientap@example.vn", is_staff=True)
    give_role(editor, "Biên tập viên")
    assert notifications.moderator_emails(first_site()) == [
        "admin@example.vn",
        "kiemduyet@example.vn",
        "truongban@example.vn",
    ]


def test_comments_posted_within_the_window_make_one_email(moderator, post, article):
    post(text="Ý kiến thứ nhất", name="Người thứ nhất")
    post(text="Ý kiến thứ hai", name="Người thứ hai")
    post(text="Ý kiến thứ ba", name="Người thứ ba")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["kiemduyet@example.vn"]
    assert "1 bình luận đang chờ kiểm duyệt" in email.subject
    assert "Góp ý chỉnh trang đô thị" in email.body
    assert "Người thứ nhất: Ý kiến thứ nhất" in email.body
    first = Comment.objects.get(name="Người thứ nhất")
    assert f"/admin/comments/comment/{first.pk}/change/" in email.body


def test_after_the_window_the_next_email_reports_what_arrived_meanwhile(moderator, post):
    post(text="Ý kiến thứ nhất")
    post(text="Ý kiến thứ hai", name="Người đến sau")
    window_passes()
    assert notifications.notify_moderators(first_site()) is True
    assert len(mail.outbox) == 2
    assert "2 bình luận đang chờ kiểm duyệt" in mail.outbox[1].subject
    assert "Người đến sau: Ý kiến thứ hai" in mail.outbox[1].body

    window_passes()
    assert notifications.notify_moderators(first_site()) is False
    assert len(mail.outbox) == 2
    post(text="Ý kiến thứ ba")
    assert len(mail.outbox) == 3
    assert "3 bình luận đang chờ kiểm duyệt" in mail.outbox[2].subject


def test_the_email_lists_the_newest_few_and_why_they_were_held(moderator, post):
    for n in range(notifications.NEWEST_SHOWN + 2):
        post(text=f"Ý kiến số {n}")
    held = post(text="Mua lô đề ở đây", name="Kẻ quảng cáo")
    window_passes()
    notifications.notify_moderators(first_site())
    body = mail.outbox[-1].body
    assert "Kẻ quảng cáo: Mua lô đề ở đây" in body
    assert held.held_because
    assert f"Bị giữ lại vì: {held.held_because}" in body
    assert "Ý kiến số 0" not in body
    assert body.count("/admin/comments/comment/") == notifications.NEWEST_SHOWN + 1


def test_nothing_waits_nothing_is_sent(moderator, article):
    assert notifications.notify_moderators(first_site()) is False
    Comment.objects.create(target=article, name="An", text="Đã duyệt", status="approved")
    assert notifications.notify_moderators(first_site()) is False
    assert mail.outbox == []


def test_comments_that_do_not_wait_send_nothing(moderator, post, settings):
    settings.PORTAL_COMMENT_MODERATION = services.MODERATE_NONE
    post()
    assert mail.outbox == []


def test_comments_approved_before_the_window_ends_are_not_reported(moderator, post):
    post(text="Ý kiến thứ nhất")
    second = post(text="Ý kiến thứ hai")
    services.set_status(Comment.objects.filter(pk=second.pk), Comment.Status.APPROVED)
    window_passes()
    assert notifications.notify_moderators(first_site()) is False
    assert len(mail.outbox) == 1


def test_the_email_is_in_vietnamese_whatever_the_readers_language(moderator, post):
    with translation.override("en"):
        post()
    assert "đang chờ kiểm duyệt" in mail.outbox[0].subject
    assert "Danh sách chờ duyệt" in mail.outbox[0].body


def test_links_are_absolute_when_the_site_url_is_set(moderator, post, settings):
    settings.PORTAL_SITE_URL = "https://phuvan.example.gov.vn/"
    comment = post()
    body = mail.outbox[0].body
    assert f"https://phuvan.example.gov.vn/admin/comments/comment/{comment.pk}/change/" in body
    assert "https://phuvan.example.gov.vn/admin/comments/comment/\n" in body


def test_a_mail_server_failure_loses_no_comment_and_is_retried(moderator, post, settings):
    settings.EMAIL_BACKEND = "tests.comments.test_notifications.BrokenBackend"
    comment = post()
    assert Comment.objects.filter(pk=comment.pk, status="pending").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notifications.notify_moderators(first_site()) is True
    assert len(mail.outbox) == 1


def test_without_moderators_nothing_is_sent(post):
    post()
    assert mail.outbox == []


def test_the_command_reports_what_waits_once(moderator, article, shared_cache, capsys):
    Comment.objects.create(target=article, name="An", text="Chờ duyệt")
    call_command("notify_moderators")
    assert "e-mailed" in capsys.readouterr().out
    assert len(mail.outbox) == 1
    window_passes()
    call_command("notify_moderators")
    assert "Nothing new" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_the_command_waits_for_the_window(moderator, article, shared_cache):
    Comment.objects.create(target=article, name="An", text="Ý kiến thứ nhất")
    call_command("notify_moderators")
    Comment.objects.create(target=article, name="Bình", text="Ý kiến thứ hai")
    call_command("notify_moderators")
    assert len(mail.outbox) == 1
    window_passes()
    call_command("notify_moderators")
    assert len(mail.outbox) == 2


def test_the_command_refuses_a_cache_private_to_its_process(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with pytest.raises(CommandError, match="REDIS_URL"):
        call_command("notify_moderators")


def test_each_sites_moderators_hear_of_their_own_sites_comments_only(
    django_user_model, moderator, django_capture_on_commit_callbacks
):
    from tenancy.services import add_site

    ninh_hai = add_site("ninhhai.example.gov.vn", "Cổng thông tin điện tử xã Ninh Hải")[0]
    theirs = django_user_model.objects.create_user(
        "kiemduyet.ninhhai", email="kiemduyet@ninhhai.example.vn", is_staff=True
    )
    give_role(theirs, "Người kiểm duyệt", site=ninh_hai)
    article = make_article(title="Đường làng Ninh Hải", site=ninh_hai)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(
            article, name="An", email="an@example.vn", text="Đề nghị sửa đường", address="a"
        )
    assert [email.to for email in mail.outbox] == [["kiemduyet@ninhhai.example.vn"]]
    assert "Ninh Hải" in mail.outbox[0].subject
    assert "Đường làng Ninh Hải" in mail.outbox[0].body
    assert notifications.notify_moderators(first_site()) is False
