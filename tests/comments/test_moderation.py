"""Moderation in the admin: the queue, bulk actions, the change form, office replies, rights."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tenancy.testing import give_role
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"
PENDING, APPROVED = Comment.Status.PENDING, Comment.Status.APPROVED


def staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    give_role(user, group)
    return user


@pytest.fixture
def moderator(django_user_model):
    return staff(django_user_model, "kiemduyet", "Người kiểm duyệt")


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, "bientap", "Biên tập viên")


@pytest.fixture
def article():
    return make_article(title="Góp ý chỉnh trang đô thị")


def make_comment(article, status=PENDING, **fields):
    fields.setdefault("name", "Trần Thị Bình")
    fields.setdefault("email", "binh@example.vn")
    fields.setdefault("text", "Đề nghị phường sửa đèn đường ngõ 7.")
    return Comment.objects.create(target=article, status=status, **fields)


def public_count(article):
    article.refresh_from_db()
    return article.comment_count


def run_action(client, action, comments, status_filter="all"):
    url = reverse(CHANGELIST) + f"?status={status_filter}"
    data = {"action": action, "_selected_action": [comment.pk for comment in comments]}
    if action == "delete_selected":
        data["post"] = "yes"
    return client.post(url, data)


def change_form(comment, **overrides):
    data = {
        "name": comment.name,
        "email": comment.email,
        "text": comment.text,
        "status": comment.status,
        "office_reply": "",
    }
    return {**data, **overrides}


def test_the_default_view_is_the_queue_of_waiting_comments(client, moderator, article):
    make_comment(article, text="Bình luận đang chờ duyệt")
    make_comment(article, APPROVED, text="Bình luận đã hiển thị")
    client.force_login(moderator)
    queue = client.get(reverse(CHANGELIST)).content.decode()
    assert "Bình luận đang chờ duyệt" in queue
    assert "Bình luận đã hiển thị" not in queue
    assert "Góp ý chỉnh trang đô thị" in queue
    assert article.get_absolute_url() in queue
    everything = client.get(reverse(CHANGELIST) + "?status=all").content.decode()
    assert "Bình luận đang chờ duyệt" in everything
    assert "Bình luận đã hiển thị" in everything


def test_bulk_actions_move_comments_and_the_public_count_follows(client, moderator, article):
    first, second, third = (make_comment(article, text=f"Ý kiến số {n}") for n in range(3))
    client.force_login(moderator)

    run_action(client, "approve", [first, second, third], status_filter=PENDING)
    assert set(Comment.objects.values_list("status", flat=True)) == {APPROVED}
    assert public_count(article) == 3

    run_action(client, "reject", [first])
    assert public_count(article) == 2
    run_action(client, "mark_spam", [second])
    assert public_count(article) == 1
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in (first, second, third)] == ["rejected", "spam", "approved"]

    run_action(client, "delete_selected", [third, first])
    assert list(Comment.objects.all()) == [second]
    assert public_count(article) == 0


def test_a_bulk_action_reports_how_many_comments_changed(client, moderator, article):
    comments = [make_comment(article), make_comment(article, APPROVED)]
    client.force_login(moderator)
    response = run_action(client, "approve", comments)
    page = client.get(response["Location"]).content.decode()
    assert "Đã chuyển 1 bình luận sang trạng thái" in page


def test_deleting_a_comment_removes_its_replies_and_the_count_follows(client, moderator, article):
    root = make_comment(article, APPROVED)
    make_comment(article, APPROVED, parent=root, text="Câu trả lời")
    other = make_comment(article, APPROVED, text="Ý kiến khác")
    article.comment_count = 3
    article.save()
    client.force_login(moderator)
    delete = reverse("admin:comments_comment_delete", args=[root.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert list(Comment.objects.all()) == [other]
    assert public_count(article) == 1


def test_the_change_form_edits_text_and_status_and_the_count_follows(client, moderator, article):
    comment = make_comment(article)
    client.force_login(moderator)
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    response = client.post(change, change_form(comment, text="Văn bản đã sửa", status=APPROVED))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.text, comment.status) == ("Văn bản đã sửa", APPROVED)
    assert public_count(article) == 1

    client.post(change, change_form(comment, status=Comment.Status.SPAM))
    assert public_count(article) == 0


def test_the_office_replies_from_the_change_form(client, moderator, article, settings):
    comment = make_comment(article)
    client.force_login(moderator)
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    reply_text = "Phường đã tiếp nhận và sẽ sửa trong tuần này."
    response = client.post(change, change_form(comment, status=APPROVED, office_reply=reply_text))
    assert response.status_code == 302
    reply = Comment.objects.get(parent=comment)
    assert (reply.text, reply.status, reply.is_official) == (reply_text, APPROVED, True)
    assert (reply.name, reply.user) == (settings.PORTAL_OFFICE_NAME, moderator)
    assert public_count(article) == 2
    reply_page = client.get(reverse("admin:comments_comment_change", args=[reply.pk]))
    assert change in reply_page.content.decode()


def test_a_comment_that_is_not_approved_cannot_be_answered(client, moderator, article):
    comment = make_comment(article)
    client.force_login(moderator)
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    response = client.post(change, change_form(comment, office_reply="Trả lời"))
    assert response.status_code == 200
    assert "office_reply" in response.context["adminform"].form.errors
    assert not Comment.objects.filter(parent=comment).exists()
    comment.refresh_from_db()
    assert comment.status == PENDING


def test_the_reply_field_is_labelled_in_vietnamese(client, moderator, article):
    comment = make_comment(article)
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert "Trả lời với tư cách cơ quan" in page.content.decode()


def test_the_actions_carry_vietnamese_labels(client, moderator, article):
    make_comment(article)
    client.force_login(moderator)
    page = client.get(reverse(CHANGELIST)).content.decode()
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', page)
    assert options[:4] == [
        ("approve", "Duyệt các bình luận đã chọn"),
        ("reject", "Từ chối các bình luận đã chọn"),
        ("mark_spam", "Đánh dấu các bình luận đã chọn là thư rác"),
        ("delete_selected", "Xóa các bình luận đã chọn"),
    ]


def test_an_editor_cannot_moderate(client, editor, article):
    comment = make_comment(article)
    client.force_login(editor)
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert run_action(client, "approve", [comment]).status_code == 403
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.post(change, change_form(comment, status=APPROVED)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == PENDING
    assert public_count(article) == 0


def test_changing_comments_without_the_moderate_permission_is_refused(
    client, django_user_model, article
):
    user = staff(django_user_model, "xem", "Biên tập viên")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="comments",
            codename__in=["view_comment", "change_comment", "delete_comment"],
        )
    )
    comment = make_comment(article)
    client.force_login(user)
    page = client.get(reverse(CHANGELIST))
    assert page.status_code == 200
    assert 'value="approve"' not in page.content.decode()
    run_action(client, "approve", [comment])
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.post(change, change_form(comment, status=APPROVED)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == PENDING


def test_comments_are_not_added_in_the_admin(client, moderator, staff_user):
    for user in (moderator, staff_user):
        client.force_login(user)
        assert client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_search_finds_by_name_email_text_and_article_title(client, staff_user, article):
    other = make_article(make_category(name="Thông báo"), title="Lịch tiếp công dân")
    make_comment(article, name="Nguyễn Văn An", email="an@example.vn", text="Đèn đường hỏng")
    make_comment(other, name="Lê Thị Hoa", email="hoa@example.vn", text="Hỏi giờ làm việc")
    client.force_login(staff_user)
    for query in ("Nguyễn Văn An", "an@example.vn", "Đèn đường", "chỉnh trang"):
        response = client.get(reverse(CHANGELIST), {"q": query})
        found = [comment.name for comment in response.context["cl"].result_list]
        assert found == ["Nguyễn Văn An"], query


def test_filters_by_article_and_date(client, staff_user, article):
    other = make_article(make_category(name="Thông báo"), title="Lịch tiếp công dân")
    mine = make_comment(article)
    make_comment(other)
    client.force_login(staff_user)
    by_article = client.get(reverse(CHANGELIST), {"target": f"bai-viet:{article.pk}"})
    assert list(by_article.context["cl"].result_list) == [mine]
    assert "Lịch tiếp công dân" in by_article.content.decode()
    midnight = timezone.localtime(mine.created_at).replace(hour=0, minute=0, second=0)
    by_date = client.get(reverse(CHANGELIST), {"created_at__gte": str(midnight)})
    assert len(by_date.context["cl"].result_list) == 2


@pytest.mark.parametrize(
    "query",
    [{"target": "abc"}, {"target": "bai-viet:x"}, {"kind": "abc"}, {"created_at__gte": "hôm qua"}],
)
def test_odd_filter_values_lead_back_to_the_list(client, moderator, article, query):
    make_comment(article)
    client.force_login(moderator)
    response = client.get(reverse(CHANGELIST), query)
    assert (response.status_code, response["Location"]) == (302, reverse(CHANGELIST) + "?e=1")


def test_an_unknown_status_shows_an_empty_list(client, moderator, article):
    make_comment(article)
    client.force_login(moderator)
    response = client.get(reverse(CHANGELIST), {"status": "nonsense"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_the_queue_reads_a_bounded_number_of_queries(
    client, moderator, django_assert_max_num_queries
):
    category = make_category()
    articles = [make_article(category, title=f"Bài viết số {n}") for n in range(10)]
    for n in range(30):
        make_comment(articles[n % 10], text=f"Ý kiến số {n}")
    client.force_login(moderator)
    # The targets' names are read once a kind: for the links and for the filter's choices.
    with django_assert_max_num_queries(14):
        response = client.get(reverse(CHANGELIST))
    assert len(response.context["cl"].result_list) == 30


def test_recount_comments_reports_and_fixes_drifted_counts(article, capsys):
    make_comment(article, status=APPROVED)
    make_comment(article, status=APPROVED, text="Ý kiến thứ hai")
    quiet = make_article(title="Bài chưa có ý kiến")
    Article.objects.filter(pk=article.pk).update(comment_count=1)
    Article.objects.filter(pk=quiet.pk).update(comment_count=3)
    call_command("recount_comments", "--check")
    out = capsys.readouterr().out
    assert f"#{article.pk} {article.title}: stored 1, comments say 2" in out
    assert f"#{quiet.pk} {quiet.title}: stored 3, comments say 0" in out
    assert (public_count(article), public_count(quiet)) == (1, 3)
    call_command("recount_comments")
    assert (public_count(article), public_count(quiet)) == (2, 0)
    call_command("recount_comments")
    assert "0 page(s)" in capsys.readouterr().out.splitlines()[-1]
