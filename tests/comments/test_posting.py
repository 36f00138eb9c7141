import importlib
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment, text_key
from comments.rules import is_duplicate
from tests.factories import make_article

pytestmark = pytest.mark.django_db

WAITING = "Bình luận của bạn sẽ hiển thị sau khi được kiểm duyệt"
# The article; the expired codes and the code (two DELETEs); the page again (tags, two lists,
# the reader's vote, a page of comments: count, threads, replies); a fresh code.
WRONG_CODE_QUERIES = 12
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def article():
    return make_article(title="Lấy ý kiến về quy hoạch khu dân cư")


def post_url(article):
    return reverse("comments:post", args=["bai-viet", article.pk])


def solved_captcha():
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def comment_data(**overrides):
    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "text": "Đề nghị phường lắp thêm đèn chiếu sáng\nở ngõ 12.",
        **solved_captcha(),
    }
    data.update(overrides)
    return data


def reader(address="203.0.113.9"):
    return Client(REMOTE_ADDR=address)


def approve_all():
    for comment in Comment.objects.all():
        comment.status = Comment.Status.APPROVED
        comment.save()


def test_the_section_and_form_are_under_the_article(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Ý kiến bạn đọc" in html
    assert "Mã bảo mật" in html and "captcha--lazy" in html
    assert 'name="website"' in html
    closed = make_article(title="Không nhận bình luận", allow_comments=False)
    assert "Ý kiến bạn đọc" not in client.get(closed.get_absolute_url()).content.decode()


def test_showing_the_article_writes_no_security_code(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert not CaptchaStore.objects.exists()
    assert 'name="captcha_0" value=""' in html
    assert 'name="show_captcha"' in html


def test_without_javascript_the_code_comes_on_request_with_the_text_kept(article):
    response = reader().post(
        post_url(article),
        {"name": "Nguyễn Văn An", "email": "an@example.vn", "text": "Ý kiến", "show_captcha": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    store = CaptchaStore.objects.get()
    assert f'value="{store.hashkey}"' in html
    assert 'value="Nguyễn Văn An"' in html and "Ý kiến</textarea>" in html
    assert "comment-form__error" not in html
    assert not Comment.objects.exists()


def notice_in_the_section(page):
    """The message of the comment section's own notice, which the page focuses and scrolls to;
    None if the message is elsewhere (at the top of the page, off-screen on a phone)."""
    section = page.split('id="y-kien-ban-doc"', 1)[1]
    if 'class="container messages"' in page or 'id="binh-luan-thong-bao"' not in section:
        return None
    notice = section.split('id="binh-luan-thong-bao"', 1)[1].split("</div>", 1)[0]
    assert 'tabindex="-1" autofocus' in notice
    return notice


@pytest.mark.parametrize(
    ("moderation", "message"),
    [("all", WAITING), ("none", "Cảm ơn bạn, bình luận đã được đăng.")],
)
def test_the_confirmation_is_in_the_comment_section_where_the_page_opens(
    article, settings, moderation, message
):
    settings.PORTAL_COMMENT_MODERATION = moderation
    client = reader()
    response = client.post(post_url(article), comment_data())
    assert response.url == f"{article.get_absolute_url()}#binh-luan-thong-bao"
    assert message in notice_in_the_section(client.get(response.url).content.decode())
    # The page with the notice is this reader's alone: the next readers get the cached page.
    assert message not in Client().get(article.get_absolute_url()).content.decode()
    assert message not in client.get(article.get_absolute_url()).content.decode()


def test_a_megabyte_comment_is_refused_without_being_shown_back(article):
    huge = "Đèn đường hỏng. " * 65_000
    response = reader().post(post_url(article), comment_data(text=huge, name="A" * 100_000))
    html = response.content.decode()
    assert response.status_code == 400
    assert "quá dài nên không thể giữ lại ở đây: xin viết tối đa 3000 ký tự" in html
    assert "Đèn đường hỏng." not in html and "A" * 200 not in html
    assert len(response.content) < 100_000
    assert not Comment.objects.exists()


def test_a_megabyte_comment_is_not_shown_back_with_the_security_code_either(article):
    data = {"name": "An", "email": "an@example.vn", "text": "Đèn hỏng. " * 100_000}
    response = reader().post(post_url(article), {**data, "show_captcha": "1"})
    html = response.content.decode()
    assert "Đèn hỏng." not in html and len(response.content) < 100_000
    assert "quá dài nên không thể giữ lại ở đây" in html and 'value="An"' in html


def test_a_comment_a_little_too_long_is_refused_and_kept(article):
    text = "Đề nghị sửa đèn đường. " * 140
    response = reader().post(post_url(article), comment_data(text=text))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bình luận quá dài: tối đa 3000 ký tự." in html
    assert f"{text}</textarea>" in html


def test_a_guest_comment_waits_for_moderation(article):
    client = reader()
    response = client.post(post_url(article), comment_data())
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert WAITING in page
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.address and "203.0.113.9" not in comment.address
    assert "Đề nghị phường" not in page
    article.refresh_from_db()
    assert article.comment_count == 0


def test_a_wrong_security_code_keeps_everything_typed_and_gives_a_fresh_code(article):
    data = comment_data(captcha_1="SAI")
    response = reader().post(post_url(article), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Mã bảo mật không chính xác" in html
    assert 'value="Nguyễn Văn An"' in html and 'value="an@example.vn"' in html
    assert "Đề nghị phường lắp thêm đèn chiếu sáng\nở ngõ 12.</textarea>" in html
    assert data["captcha_0"] not in html
    assert not Comment.objects.exists()


def test_the_security_code_is_required_and_single_use(article):
    assert reader().post(post_url(article), comment_data(captcha_1="")).status_code == 400
    data = comment_data()
    assert reader().post(post_url(article), data).status_code == 302
    again = reader("198.51.100.1").post(post_url(article), {**data, "text": "Một ý kiến khác"})
    assert again.status_code == 400
    assert "Mã bảo mật không chính xác" in again.content.decode()
    assert Comment.objects.count() == 1


def test_the_honeypot_pretends_success_and_stores_nothing(article):
    client = reader()
    response = client.post(post_url(article), comment_data(website="http://spam.example"))
    assert response.status_code == 302
    assert WAITING in client.get(response.url).content.decode()
    assert not Comment.objects.exists()


def test_errors_name_the_field_in_vietnamese(article):
    response = reader().post(
        post_url(article), comment_data(name="", email="khong-hop-le", text="")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vui lòng nhập họ và tên." in html
    assert "Địa chỉ thư điện tử không hợp lệ." in html
    assert "Vui lòng nhập nội dung bình luận." in html


def test_flood_limit_by_address(article, settings):
    client = reader()
    assert client.post(post_url(article), comment_data()).status_code == 302
    second = comment_data(email="khac@example.vn", text="Ý kiến thứ hai")
    response = client.post(post_url(article), second)
    assert response.status_code == 429
    assert 55 <= int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert "Vui lòng chờ một phút" in html
    assert "Ý kiến thứ hai</textarea>" in html
    Comment.objects.update(created_at=timezone.now() - timedelta(seconds=61))
    assert client.post(post_url(article), comment_data(text="Ý kiến thứ ba")).status_code == 302


def test_flood_limit_by_email_across_addresses(article, settings):
    settings.PORTAL_COMMENT_HOURLY_LIMIT = 2
    other = make_article(title="Bài khác")
    third = make_article(title="Bài thứ ba")
    for n, target in enumerate([article, other]):
        data = comment_data(email="AN@example.vn", text=f"Ý kiến {n}")
        assert reader(f"198.51.100.{n}").post(post_url(target), data).status_code == 302
    response = reader("192.0.2.50").post(
        post_url(third), comment_data(email="an@example.vn", text="Ý kiến 3")
    )
    assert response.status_code == 429
    assert 3500 <= int(response["Retry-After"]) <= 3600
    assert "trong một giờ qua" in response.content.decode()


def test_length_links_and_banned_words(article, settings):
    settings.PORTAL_COMMENT_MODERATION = "none"
    settings.PORTAL_COMMENT_MAX_LENGTH = 50
    too_long = reader().post(post_url(article), comment_data(text="x" * 51))
    assert too_long.status_code == 400
    assert "tối đa 50 ký tự" in too_long.content.decode()
    settings.PORTAL_COMMENT_MAX_LENGTH = 3000
    links = "Xem http://a.example http://b.example www.c.example"
    for n, text in enumerate([links, "Tham gia CÁ ĐỘ ngay", "Cảm ơn phường"]):
        data = comment_data(text=text, email=f"nguoi{n}@example.vn")
        assert reader(f"198.51.100.{n}").post(post_url(article), data).status_code == 302
    held = dict(Comment.objects.values_list("text", "held_because"))
    assert held == {
        links: "quá nhiều liên kết",
        "Tham gia CÁ ĐỘ ngay": "có từ ngữ bị cấm",
        "Cảm ơn phường": "",
    }
    statuses = dict(Comment.objects.values_list("text", "status"))
    assert statuses[links] == statuses["Tham gia CÁ ĐỘ ngay"] == Comment.Status.PENDING
    assert statuses["Cảm ơn phường"] == Comment.Status.APPROVED
    article.refresh_from_db()
    assert article.comment_count == 1


def test_duplicate_text_is_rejected(article):
    reader().post(post_url(article), comment_data(text="Đường ngõ 5 bị ngập"))
    again = reader("198.51.100.7").post(
        post_url(article), comment_data(email="b@example.vn", text="  đường NGÕ 5  bị ngập ")
    )
    assert again.status_code == 400
    assert "Bình luận này đã được gửi trước đó." in again.content.decode()


def test_xss_in_name_and_text_is_shown_as_text(client, article):
    reader().post(post_url(article), comment_data(name=XSS[:80], text=XSS))
    approve_all()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_links_are_text_and_line_breaks_are_kept(client, article, settings):
    settings.PORTAL_COMMENT_MODERATION = "none"
    reader().post(post_url(article), comment_data(text="Dòng một\nXem https://example.vn"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Dòng một<br>Xem https://example.vn" in html
    assert 'href="https://example.vn"' not in html


@pytest.mark.parametrize(
    ("mode", "guest", "member"),
    [
        ("all", Comment.Status.PENDING, Comment.Status.PENDING),
        ("guests", Comment.Status.PENDING, Comment.Status.APPROVED),
        ("none", Comment.Status.APPROVED, Comment.Status.APPROVED),
    ],
)
def test_moderation_modes(article, settings, django_user_model, mode, guest, member):
    settings.PORTAL_COMMENT_MODERATION = mode
    reader().post(post_url(article), comment_data(text="Khách góp ý"))
    user = django_user_model.objects.create_user("ban-doc", email="bd@example.vn", password="x")
    client = reader("198.51.100.8")
    client.force_login(user)
    response = client.post(post_url(article), {"text": "Thành viên góp ý"})
    assert response.status_code == 302
    statuses = dict(Comment.objects.values_list("text", "status"))
    assert (statuses["Khách góp ý"], statuses["Thành viên góp ý"]) == (guest, member)
    assert Comment.objects.get(text="Thành viên góp ý").name == "ban-doc"


def test_staff_comments_are_approved_at_once(article, staff_user):
    client = reader()
    client.force_login(staff_user)
    client.post(post_url(article), {"text": "Văn phòng đã tiếp nhận"})
    assert Comment.objects.get().status == Comment.Status.APPROVED
    article.refresh_from_db()
    assert article.comment_count == 1


def test_threads_replies_order_and_pagination(client, article, settings):
    settings.PORTAL_COMMENTS_PER_PAGE = 2
    now = timezone.now()
    roots = [
        Comment.objects.create(
            target=article,
            name=f"Người {n}",
            text=f"Ý kiến {n}",
            status=Comment.Status.APPROVED,
            created_at=now - timedelta(hours=3 - n),
        )
        for n in range(3)
    ]
    reply = Comment.objects.create(
        target=article, parent=roots[2], name="Trả lời", text="Đồng ý", status="approved"
    )
    nested = Comment.objects.create(
        target=article, parent=reply, name="Trả lời 2", text="Tôi cũng vậy", status="approved"
    )
    assert nested.parent_id == roots[2].pk
    Comment.objects.create(target=article, name="Chờ", text="Chưa duyệt", status="pending")
    page = client.get(article.get_absolute_url())
    html = page.content.decode()
    assert html.index("Ý kiến 2") < html.index("Đồng ý") < html.index("Tôi cũng vậy")
    assert html.index("Tôi cũng vậy") < html.index("Ý kiến 1")
    assert "Ý kiến 0" not in html and "Chưa duyệt" not in html
    assert "1 giờ trước" in html
    oldest = client.get(article.get_absolute_url(), {"comments": "oldest"}).content.decode()
    assert "Ý kiến 0" in oldest and "Ý kiến 2" not in oldest
    assert 'href="?comments=newest&amp;comments_page=2#y-kien-ban-doc" rel="next"' in html
    second = client.get(article.get_absolute_url(), {"comments_page": 2}).content.decode()
    assert "Ý kiến 0" in second


def test_old_comments_show_the_full_date(client, article):
    written = timezone.now() - timedelta(days=3)
    Comment.objects.create(
        target=article, name="An", text="Cũ", status="approved", created_at=written
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"{timezone.localtime(written):%d/%m/%Y %H:%M}" in html


def test_email_is_never_shown(client, article):
    Comment.objects.create(
        target=article, name="An", email="bi-mat@example.vn", text="Xin chào", status="approved"
    )
    assert "bi-mat@example.vn" not in client.get(article.get_absolute_url()).content.decode()


def test_reply_to_a_comment_of_another_article_is_refused(article):
    other = make_article(title="Bài khác")
    foreign = Comment.objects.create(target=other, name="X", text="Y", status="approved")
    response = reader().post(post_url(article), comment_data(parent=foreign.pk))
    assert response.status_code == 400
    assert "không còn tồn tại" in response.content.decode()


def test_comments_closed_unpublished_and_wrong_method(article):
    closed = make_article(title="Đóng", allow_comments=False)
    draft = make_article(title="Nháp", status=Article.Status.DRAFT)
    assert reader().post(post_url(closed), comment_data()).status_code == 403
    assert reader().post(post_url(draft), comment_data()).status_code == 404
    assert reader().get(post_url(article)).status_code == 405
    assert not Comment.objects.exists()


def test_article_page_query_count_stays_bounded(client, article, django_assert_max_num_queries):
    for n in range(15):
        root = Comment.objects.create(target=article, name=f"N{n}", text=f"T{n}", status="approved")
        Comment.objects.create(
            target=article, parent=root, name="R", text=f"R{n}", status="approved"
        )
    client.get(article.get_absolute_url())
    # The 6 of an article page without comments, plus one page of threads and their replies.
    with django_assert_max_num_queries(8):
        client.get(article.get_absolute_url())


def comment_reads(queries):
    return sorted(q["sql"] for q in queries if "comments_comment" in q["sql"])


@pytest.mark.parametrize("existing", [1, 40])
def test_a_wrong_security_code_costs_no_comment_reads(article, existing, no_page_cache):
    """Before the code is checked, nothing reads the article's comments (the duplicate rule
    used to read and fold them all): the refused POST reads what showing the page reads."""
    for n in range(existing):
        Comment.objects.create(target=article, name="An", text=f"Ý kiến {n}", status="approved")
    client = reader()
    with CaptureQueriesContext(connection) as page:
        client.get(article.get_absolute_url())
    data = comment_data(captcha_1="SAI")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(post_url(article), data)
    assert response.status_code == 400
    assert comment_reads(queries) == comment_reads(page)
    assert len(queries) == WRONG_CODE_QUERIES, [q["sql"][:60] for q in queries]


def test_the_duplicate_rule_looks_up_one_key(article, django_assert_num_queries):
    for n in range(30):
        Comment.objects.create(target=article, name="An", text=f"Ý kiến {n}")
    Comment.objects.create(target=article, name="An", text="Đường ngõ 5 bị ngập")
    with django_assert_num_queries(1) as queries:
        assert is_duplicate(article, "  đường NGÕ 5  bị   ngập ")
    assert '"text_key" =' in queries.captured_queries[0]["sql"]
    Comment.objects.filter(text="Đường ngõ 5 bị ngập").update(status=Comment.Status.REJECTED)
    assert not is_duplicate(article, "Đường ngõ 5 bị ngập")


def test_the_migration_keys_the_comments_written_before(article):
    comment = Comment.objects.create(target=article, name="An", text="Đường ngõ 5 bị ngập")
    Comment.objects.update(text_key="")
    assert not is_duplicate(article, "đường ngõ 5 bị ngập")
    migration = importlib.import_module("comments.migrations.0004_text_key_for_duplicates")
    migration.fill_text_keys(apps, None)
    comment.refresh_from_db()
    assert comment.text_key == text_key("đường ngõ 5 bị ngập")
    assert is_duplicate(article, "đường ngõ 5 bị ngập")
