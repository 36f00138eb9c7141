"""The pages admin: the tree in order, who may write and publish, revisions and restore."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from pages.models import Page, PageRevision
from tests.pages.helpers import about_tree, make_page

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:pages_page_changelist")


def page_form(**overrides):
    data = {
        "title": "Lịch sử hình thành",
        "slug": "",
        "parent": "",
        "order": "1",
        "body": "<h2>Xưa</h2><p>Làng cổ.</p><script>alert(1)</script>",
        "status": "draft",
        "publish_at_0": "01/12/2026",
        "publish_at_1": "08:00:00",
        "seo_title": "",
        "seo_description": "",
        "revisions-TOTAL_FORMS": "0",
        "revisions-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_editors_and_publishers_get_the_pages_permissions():
    editors = set(
        Group.objects.get(name="Biên tập viên").permissions.values_list("codename", flat=True)
    )
    publishers = set(
        Group.objects.get(name="Người duyệt bài").permissions.values_list("codename", flat=True)
    )
    assert {"add_page", "change_page", "view_page", "view_pagerevision"} <= editors
    assert "publish_page" not in editors and "delete_page" not in editors
    assert {"publish_page", "delete_page", "change_page"} <= publishers


def test_the_list_shows_the_tree_in_order_with_indentation(admin_client):
    about_tree()
    make_page("Liên hệ", order=9, slug="lien-he")
    html = admin_client.get(CHANGELIST).content.decode()
    titles = re.findall(r'<th class="field-tree_title"><a href="[^"]+">([^<]+)</a>', html)
    assert [title.replace("\u00a0", " ").strip() for title in titles] == [
        "Giới thiệu",
        "└ Giới thiệu chung",
        "└ Lịch sử hình thành",
        "└ Thời kỳ đổi mới",
        "Liên hệ",
    ]
    assert titles[3].startswith("\u00a0" * 8)  # a grandchild sits deeper
    assert 'name="form-0-order"' in html  # the order is edited in the list


def test_the_list_filters_by_status(admin_client):
    make_page("Đã đăng", slug="da-dang")
    make_page("Nháp", slug="nhap", status=Page.Status.DRAFT)
    html = admin_client.get(CHANGELIST, {"status__exact": "draft"}).content.decode()
    assert "/trang/nhap/" in html and "/trang/da-dang/" not in html


def test_an_editor_writes_a_draft_sanitized_but_cannot_publish_or_reorder(client, member):
    client.force_login(member("Biên tập viên"))
    response = client.post(reverse("admin:pages_page_add"), page_form(status="published"))
    assert response.status_code == 302
    page = Page.objects.get()
    assert page.status == Page.Status.DRAFT  # the status field is not the editor's
    assert page.slug == "lich-su-hinh-thanh"
    assert "<script>" not in page.body and "<h2>Xưa</h2>" in page.body
    page.status = Page.Status.PUBLISHED
    page.save()
    assert client.get(reverse("admin:pages_page_change", args=[page.pk])).status_code == 200
    assert (
        b'name="title"'
        not in client.get(reverse("admin:pages_page_change", args=[page.pk])).content
    )
    assert 'name="form-0-order"' not in client.get(CHANGELIST).content.decode()


def test_a_publisher_publishes_under_a_parent(client, member):
    parent = make_page("Giới thiệu", slug="gioi-thieu")
    client.force_login(member("Người duyệt bài"))
    response = client.post(
        reverse("admin:pages_page_add"), page_form(status="published", parent=parent.pk)
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="lich-su-hinh-thanh")
    assert (page.status, page.parent, page.depth) == (Page.Status.PUBLISHED, parent, 2)
    assert client.get(page.get_absolute_url()).status_code == 200


def test_a_moderator_has_no_pages(client, member):
    client.force_login(member("Người kiểm duyệt"))
    assert client.get(CHANGELIST).status_code == 403


def test_a_cycle_is_refused_with_a_vietnamese_message_keeping_what_was_typed(admin_client):
    root, _first, _second, grandchild = about_tree()
    url = reverse("admin:pages_page_change", args=[root.pk])
    response = admin_client.post(
        url, page_form(title="Giới thiệu sửa", parent=grandchild.pk, status="published")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không thể đặt một trang dưới chính nó hoặc dưới một trang con của nó." in html
    assert 'value="Giới thiệu sửa"' in html
    root.refresh_from_db()
    assert root.parent is None and root.title == "Giới thiệu"


def test_the_parent_choices_are_the_sites_pages_in_tree_order(admin_client, other_site):
    about_tree()
    make_page("Trang của xã", site=other_site, slug="trang-cua-xa")
    html = admin_client.get(reverse("admin:pages_page_add")).content.decode()
    select = re.search(r'<select name="parent".*?</select>', html, re.S)[0]
    options = [o.replace("\u00a0", " ").strip() for o in re.findall(r">([^<]+)</option>", select)]
    assert options[1:] == [
        "Giới thiệu",
        "└ Giới thiệu chung",
        "└ Lịch sử hình thành",
        "└ Thời kỳ đổi mới",
    ]


def test_a_save_keeps_the_text_it_replaces_and_a_restore_brings_it_back(admin_client):
    page = make_page("Chức năng", slug="chuc-nang", body="<p>Bản đầu.</p>")
    url = reverse("admin:pages_page_change", args=[page.pk])
    admin_client.post(
        url,
        page_form(
            title="Chức năng, nhiệm vụ",
            slug="chuc-nang",
            body="<p>Bản hai.</p>",
            status="published",
        ),
    )
    revision = PageRevision.objects.get(page=page)
    assert (revision.title, revision.body) == ("Chức năng", "<p>Bản đầu.</p>")
    html = admin_client.get(url).content.decode()
    restore = reverse("admin:pages_page_restore", args=[page.pk, revision.pk])
    assert f'href="{restore}"' in html
    confirmation = admin_client.get(restore).content.decode()
    assert "Bản đầu." in confirmation and 'type="submit"' in confirmation
    page.refresh_from_db()
    assert page.title == "Chức năng, nhiệm vụ"  # nothing changes before the confirmation
    assert admin_client.post(restore).status_code == 302
    page.refresh_from_db()
    assert (page.title, page.body) == ("Chức năng", "<p>Bản đầu.</p>")
    assert PageRevision.objects.filter(page=page, title="Chức năng, nhiệm vụ").exists()


def test_revisions_of_another_sites_page_are_not_reachable(admin_client, other_site):
    theirs = make_page("Trang của xã", site=other_site, slug="trang-cua-xa")
    revision = PageRevision.objects.create(page=theirs, title="Cũ", body="<p>Cũ</p>")
    restore = reverse("admin:pages_page_restore", args=[theirs.pk, revision.pk])
    assert admin_client.get(restore).status_code == 404
    assert admin_client.post(restore).status_code == 404


def test_the_change_form_has_view_on_site_and_the_editor(admin_client):
    page = make_page("Giới thiệu", slug="gioi-thieu")
    html = admin_client.get(reverse("admin:pages_page_change", args=[page.pk])).content.decode()
    assert "viewsitelink" in html
    assert "prose-editor" in html


def test_a_page_with_sub_pages_is_not_deleted_alone(admin_client):
    root, first, *_rest = about_tree()
    response = admin_client.post(
        reverse("admin:pages_page_delete", args=[root.pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # the admin lists the sub-pages in the way
    assert Page.objects.filter(pk=root.pk).exists()
    admin_client.post(reverse("admin:pages_page_delete", args=[first.pk]), {"post": "yes"})
    assert not Page.objects.filter(pk=first.pk).exists()
