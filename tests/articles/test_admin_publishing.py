import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article, ArticleRevision
from tenancy.testing import give_role
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    give_role(user, "Biên tập viên")
    return user


@pytest.fixture
def publisher(django_user_model):
    user = django_user_model.objects.create_user("publisher", password="x", is_staff=True)
    give_role(user, "Người duyệt bài")
    return user


def article_form(category, **overrides):
    data = {
        "title": "Thông báo lịch tiếp công dân tháng 12",
        "slug": "",
        "summary": "Lịch tiếp công dân của lãnh đạo phường.",
        "body": "<h2>Lịch</h2><ul><li>Thứ hai</li></ul><script>alert(1)</script>",
        "category": category.pk,
        "author_byline": "Văn phòng",
        "source": "",
        "status": "draft",
        "publish_at_0": "01/12/2026",
        "publish_at_1": "08:00:00",
        "allow_comments": "on",
        "allow_rating": "on",
        "revisions-TOTAL_FORMS": "0",
        "revisions-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_groups_exist_with_their_permissions():
    editors = Group.objects.get(name="Biên tập viên")
    publishers = Group.objects.get(name="Người duyệt bài")
    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article"} <= editor_perms
    assert "publish_article" not in editor_perms
    assert "publish_article" in publishers.permissions.values_list("codename", flat=True)


def test_editor_writes_a_draft_but_cannot_publish(client, editor):
    category = make_category()
    client.force_login(editor)
    url = reverse("admin:articles_article_add")
    response = client.post(url, article_form(category, status="published"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.created_by == editor
    assert "<script" not in article.body
    assert "<h2>Lịch</h2>" in article.body


def test_editor_cannot_change_a_published_article(client, editor):
    article = make_article()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, article_form(article.category, title="Sửa trộm"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title != "Sửa trộm"


def test_publisher_publishes_and_schedules(client, publisher):
    category = make_category()
    client.force_login(publisher)
    response = client.post(
        reverse("admin:articles_article_add"), article_form(category, status="published")
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at.year == 2026 and article.publish_at.month == 12


def test_publish_action_is_for_publishers_only(client, editor, publisher):
    draft = make_article(status=Article.Status.DRAFT)
    changelist = reverse("admin:articles_article_changelist")
    action = {"action": "publish", "_selected_action": [draft.pk]}
    client.force_login(editor)
    client.post(changelist, action)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    client.force_login(publisher)
    client.post(changelist, {**action, "keep_dates": "1"})
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED


def test_every_save_keeps_the_previous_text_and_a_revision_can_be_restored(client, publisher):
    article = make_article(title="Bản đầu", body="<p>Nội dung đầu</p>")
    client.force_login(publisher)
    change = reverse("admin:articles_article_change", args=[article.pk])
    form = article_form(article.category, title="Bản hai", body="<p>Nội dung hai</p>")
    form["slug"] = article.slug
    assert client.post(change, form).status_code == 302
    revision = ArticleRevision.objects.get()
    assert (revision.title, revision.body, revision.created_by) == (
        "Bản đầu",
        "<p>Nội dung đầu</p>",
        publisher,
    )
    assert "Bản đầu" in client.get(change).content.decode()

    restore = reverse("admin:articles_article_restore", args=[article.pk, revision.pk])
    confirm = client.get(restore)
    assert confirm.status_code == 200
    assert "Nội dung đầu" in confirm.content.decode()
    assert client.post(restore).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Bản đầu", "<p>Nội dung đầu</p>")
    assert article.revisions.first().title == "Bản hai"


def test_saving_without_changes_adds_no_revision(client, publisher):
    article = make_article()
    client.force_login(publisher)
    form = article_form(
        article.category, title=article.title, summary=article.summary, body=article.body
    )
    form["slug"] = article.slug
    client.post(reverse("admin:articles_article_change", args=[article.pk]), form)
    assert not ArticleRevision.objects.exists()


def test_restore_of_another_articles_revision_is_not_found(client, publisher):
    first, second = make_article(title="Một"), make_article(title="Hai")
    revision = ArticleRevision.objects.create(article=first, title="Cũ")
    client.force_login(publisher)
    url = reverse("admin:articles_article_restore", args=[second.pk, revision.pk])
    assert client.post(url).status_code == 404


def test_changelist_shows_visibility_views_and_public_link(client, publisher):
    make_article(title="Bài công khai")
    make_article(title="Bài nháp", status=Article.Status.DRAFT)
    client.force_login(publisher)
    html = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Công khai" in html and "Bản nháp" in html
    assert "/bai-viet/bai-cong-khai/" in html
    search = client.get(reverse("admin:articles_article_changelist"), {"q": "nháp"})
    assert list(search.context["cl"].result_list) == [Article.objects.get(title="Bài nháp")]
