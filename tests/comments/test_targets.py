"""Comments on a second kind of target, registered the way another app would (here the pages
app's Page, as drafts for opinions do): open or closed, public or not, the CSV export, the
admin filters, and the walls between sites."""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import reverse

from comments import services, targets
from comments.models import Comment
from pages.models import Page
from tenancy.roles import Role
from tests.comments.test_posting import comment_data, reader
from tests.factories import make_article
from tests.tenancy.conftest import OTHER_HOST, first_site, other_site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

KEY = "trang-thu"
SECTION = engines["django"].from_string("{% load comments_tags %}{% comment_section target %}")
CLOSED = "Hết thời hạn lấy ý kiến."


class Switches:
    """Which pages are closed or keep their comments private, and which changed."""

    def __init__(self):
        self.closed, self.hidden, self.changed = set(), set(), []


def render_page(request, page, form=None, status=200):
    context = {"target": page, "comment_form": form}
    return HttpResponse(SECTION.render(context, request), status=status)


@pytest.fixture
def switches():
    state = Switches()
    targets.register(
        KEY,
        Page,
        visible=lambda site: Page.objects.for_site(site).published(),
        page=render_page,
        heading="Góp ý dự thảo",
        noun="dự thảo",
        closed_notice=CLOSED,
        is_open=lambda page: page.pk not in state.closed,
        is_public=lambda page: page.pk not in state.hidden,
        changed=lambda rows: state.changed.extend(rows.values_list("pk", flat=True)),
    )
    yield state
    targets.unregister(KEY)


def make_page(site, title="Dự thảo quy chế dân chủ ở cơ sở"):
    return Page.objects.create(site=site, title=title, status=Page.Status.PUBLISHED)


@pytest.fixture
def page(first_site, switches):  # noqa: F811
    return make_page(first_site)


def post_url(page):
    return reverse("comments:post", args=[KEY, page.pk])


def notices(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def section(client, page):
    """The section as a visitor of the page's site sees it."""
    request = client.get("/").wsgi_request
    return render_page(request, page).content.decode()


def test_an_opinion_on_a_page_is_stored_with_its_site_and_target(page, settings, switches):
    settings.PORTAL_COMMENT_MODERATION = "none"
    response = reader().post(post_url(page), comment_data())
    assert response.status_code == 302
    assert response["Location"] == f"{page.get_absolute_url()}#binh-luan-thong-bao"
    comment = Comment.objects.get()
    assert (comment.target, comment.site, comment.status) == (page, page.site, "approved")
    assert switches.changed == [page.pk]
    assert notices(response) == ["Cảm ơn bạn, bình luận đã được đăng."]
    html = section(reader(), page)
    assert "Góp ý dự thảo" in html and "lắp thêm đèn chiếu sáng" in html
    assert f'action="/y-kien/{KEY}/{page.pk}/"' in html


def test_hidden_opinions_are_received_but_not_shown(page, settings, switches):
    settings.PORTAL_COMMENT_MODERATION = "none"
    switches.hidden.add(page.pk)
    response = reader().post(post_url(page), comment_data())
    assert notices(response) == ["Cảm ơn bạn, ý kiến của bạn đã được tiếp nhận."]
    assert Comment.objects.get().status == Comment.Status.APPROVED
    html = section(reader(), page)
    assert "lắp thêm đèn chiếu sáng" not in html
    assert "không công bố trên trang" in html and "chỉ được gửi tới cơ quan" in html
    assert 'id="comment-form"' in html


def test_a_closed_page_shows_a_notice_and_refuses_keeping_the_text(page, switches):
    switches.closed.add(page.pk)
    html = section(reader(), page)
    assert CLOSED in html and "<form" not in html
    typed = comment_data(text="Ý kiến gửi muộn về điều 5.")
    response = reader().post(post_url(page), typed)
    assert response.status_code == 403
    html = response.content.decode()
    assert CLOSED in html and "Ý kiến gửi muộn về điều 5." in html
    assert not Comment.objects.exists()


def test_the_service_refuses_a_closed_page_too(page, switches):
    switches.closed.add(page.pk)
    with pytest.raises(services.CommentRefused) as refused:
        services.post_comment(page, name="An", email="an@example.vn", text="Muộn")
    assert refused.value.status == 403


def test_the_flood_message_names_the_kind_of_target(page, settings):
    client = reader()
    assert client.post(post_url(page), comment_data()).status_code == 302
    second = client.post(post_url(page), comment_data(email="b@example.vn", text="Ý kiến hai"))
    assert second.status_code == 429
    assert "Bạn vừa gửi ý kiến cho dự thảo này" in second.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/y-kien/khong-co/1/",
        f"/y-kien/{KEY}/999999/",
        "/y-kien/contenttypes/1/",
    ],
)
def test_only_a_registered_kind_and_a_visible_row_take_opinions(page, url):
    assert reader().post(url, comment_data()).status_code == 404
    assert not Comment.objects.exists()


def test_an_unpublished_page_or_another_sites_page_takes_no_opinion(page, other_site):  # noqa: F811
    draft = Page.objects.create(site=page.site, title="Chưa đăng")
    theirs = make_page(other_site, "Dự thảo của xã")
    assert reader().post(post_url(draft), comment_data()).status_code == 404
    assert reader().post(post_url(theirs), comment_data()).status_code == 404
    assert not Comment.objects.exists()


def test_a_reply_must_be_on_the_same_target(page, settings):
    settings.PORTAL_COMMENT_MODERATION = "none"
    article = make_article()
    elsewhere = Comment.objects.create(
        target=article, name="An", text="Ở bài viết", status="approved"
    )
    response = reader().post(post_url(page), comment_data(parent=elsewhere.pk))
    assert response.status_code == 400
    assert not Comment.objects.for_target(page).exists()


def test_deleting_a_target_deletes_its_comments(page):
    Comment.objects.create(target=page, name="An", text="Ý kiến")
    page.delete()
    assert not Comment.objects.exists()


def test_moderating_comments_of_two_kinds_at_once(page, switches):
    article = make_article()
    Comment.objects.create(target=page, name="An", text="Về dự thảo")
    Comment.objects.create(target=article, name="Bình", text="Về bài viết")
    assert services.set_status(Comment.objects.all(), Comment.Status.APPROVED) == 2
    article.refresh_from_db()
    assert article.comment_count == 1
    assert switches.changed == [page.pk]


@pytest.fixture
def moderator_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def opinions(page):
    Comment.objects.create(
        target=page, name="Nguyễn Thị Hoà", email="hoa@example.vn", text="=Tán thành điều 3"
    )
    Comment.objects.create(
        target=page, name="Lê Văn Bình", email="binh@example.vn", text="Sửa khoản 2", status="spam"
    )
    Comment.objects.create(target=make_article(), name="Khác", text="Về bài viết")


def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_staff_export_the_opinions_on_one_target_as_csv(page, moderator_client):
    opinions(page)
    url = reverse("admin:comments_comment_export", args=[KEY, page.pk])
    response = moderator_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="du-thao-quy-che-dan-chu-o-co-so.csv"' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header == [
        "Họ và tên",
        "Thư điện tử",
        "Thời gian",
        "Trạng thái",
        "Trả lời ý kiến số",
        "Nội dung ý kiến",
    ]
    assert [(row[0], row[1], row[3], row[5]) for row in rows] == [
        ("Nguyễn Thị Hoà", "hoa@example.vn", "Chờ duyệt", "'=Tán thành điều 3"),
        ("Lê Văn Bình", "binh@example.vn", "Thư rác", "Sửa khoản 2"),
    ]


def test_the_changelist_filters_by_kind_and_target_and_links_the_export(page, moderator_client):
    opinions(page)
    changelist = reverse("admin:comments_comment_changelist")
    by_kind = moderator_client.get(changelist, {"kind": KEY, "status": "all"})
    assert {c.name for c in by_kind.context["cl"].result_list} == {"Nguyễn Thị Hoà", "Lê Văn Bình"}
    by_target = moderator_client.get(changelist, {"target": f"{KEY}:{page.pk}", "status": "all"})
    assert len(by_target.context["cl"].result_list) == 2
    export = reverse("admin:comments_comment_export", args=[KEY, page.pk])
    assert export == targets.export_url(page) and export in by_target.content.decode()
    listed = moderator_client.get(targets.moderation_url(page))
    assert len(listed.context["cl"].result_list) == 2
    assert "Xuất ý kiến (CSV) về" in by_target.content.decode()
    assert moderator_client.get(changelist, {"target": "khong-co:1"}).status_code == 302


def test_the_export_action_writes_the_selected_comments(page, moderator_client):
    opinions(page)
    changelist = reverse("admin:comments_comment_changelist")
    selected = Comment.objects.for_target(page).values_list("pk", flat=True)
    response = moderator_client.post(
        changelist + "?status=all",
        {"action": "export_csv", "_selected_action": list(selected)},
    )
    assert response.status_code == 200
    assert len(csv_rows(response)) == 3


def test_another_sites_target_cannot_be_exported(page, other_site, moderator_client):  # noqa: F811
    theirs = make_page(other_site, "Dự thảo của xã")
    Comment.objects.create(target=theirs, name="Xã", email="xa@example.vn", text="Ý kiến của xã")
    url = reverse("admin:comments_comment_export", args=[KEY, theirs.pk])
    assert moderator_client.get(url).status_code == 404
    unknown = reverse("admin:comments_comment_export", args=["khong-co", page.pk])
    assert moderator_client.get(unknown).status_code == 404
    on_theirs = moderator_client.get(url, HTTP_HOST=OTHER_HOST)
    assert on_theirs.status_code == 200
    assert [row[0] for row in csv_rows(on_theirs)[1:]] == ["Xã"]


def test_the_export_needs_the_right_to_see_comments(page, client, member):
    client.force_login(member(Role.EDITOR))
    url = reverse("admin:comments_comment_export", args=[KEY, page.pk])
    assert client.get(url).status_code == 403
