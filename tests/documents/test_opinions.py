"""Opinions on drafts put out for public opinion, through the comments app: the form while the
draft is open, refused after its deadline with what was typed kept, shown or not as staff
choose, exported for staff, and never on an ordinary document."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments import services, targets
from comments.models import Comment
from tenancy.roles import Role
from tests.comments.test_posting import comment_data, reader
from tests.documents.helpers import make_document

pytestmark = pytest.mark.django_db

OPINION = "Đề nghị bổ sung quy định về giờ tiếp công dân vào sáng thứ Bảy."


def make_draft(days_left=10, show_opinions=True, **fields):
    return make_document(
        number="",
        abstract="Dự thảo quy chế thực hiện dân chủ ở cơ sở phường Phù Vân",
        opinion_until=timezone.now() + timedelta(days=days_left),
        show_opinions=show_opinions,
        **fields,
    )


def post_url(document):
    return reverse("comments:post", args=["du-thao", document.pk])


def approve(document):
    services.set_status(Comment.objects.for_target(document), Comment.Status.APPROVED)


def test_an_open_draft_takes_opinions_through_the_comment_form():
    draft = make_draft()
    html = reader().get(draft.get_absolute_url()).content.decode()
    assert "Góp ý dự thảo" in html and post_url(draft) in html
    response = reader().post(post_url(draft), comment_data(text=OPINION))
    assert response.status_code == 302
    opinion = Comment.objects.get()
    assert opinion.target == draft and opinion.site_id == draft.site_id
    assert opinion.text == OPINION


def test_an_approved_opinion_shows_on_the_cached_draft_page_when_staff_chose_so(committed):
    draft = make_draft()
    reader().post(post_url(draft), comment_data(text=OPINION))
    assert OPINION not in reader("198.51.100.1").get(draft.get_absolute_url()).content.decode()
    with committed():
        approve(draft)
    assert OPINION in reader("198.51.100.2").get(draft.get_absolute_url()).content.decode()


def test_opinions_stay_with_the_office_when_staff_chose_so():
    draft = make_draft(show_opinions=False)
    response = reader().post(post_url(draft), comment_data(text=OPINION), follow=True)
    assert "ý kiến của bạn đã được tiếp nhận" in response.content.decode()
    approve(draft)
    assert OPINION not in reader("198.51.100.2").get(draft.get_absolute_url()).content.decode()


def test_after_the_deadline_the_form_closes_and_a_late_opinion_is_refused_but_kept():
    draft = make_draft(days_left=-1)
    html = reader().get(draft.get_absolute_url()).content.decode()
    assert "Đã hết thời hạn góp ý cho dự thảo này." in html
    assert post_url(draft) not in html
    response = reader().post(post_url(draft), comment_data(text=OPINION))
    assert response.status_code == 403
    assert OPINION in response.content.decode()
    assert not Comment.objects.exists()


def test_an_ordinary_document_takes_no_opinions():
    document = make_document()
    assert post_url(document) not in reader().get(document.get_absolute_url()).content.decode()
    assert reader().post(post_url(document), comment_data()).status_code == 404


def test_staff_export_the_opinions_of_a_draft(client, member):
    draft = make_draft()
    reader().post(post_url(draft), comment_data(text=OPINION))
    client.force_login(member(Role.MODERATOR))
    response = client.get(targets.export_url(draft))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "Nguyễn Văn An" and rows[1][-1] == OPINION


def test_a_drafts_admin_page_counts_its_opinions_and_links_to_them(client, member):
    draft = make_draft()
    reader().post(post_url(draft), comment_data(text=OPINION))
    client.force_login(member(Role.SITE_ADMINISTRATOR))
    html = client.get(reverse("admin:documents_document_change", args=[draft.pk])).content.decode()
    assert "Ý kiến đã nhận" in html
    assert targets.export_url(draft) in html
    assert targets.moderation_url(draft).replace("&", "&amp;") in html
