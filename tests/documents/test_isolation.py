"""A document of site B never shows on site A: its page, print view, list, search, feed,
sitemap, drafts and the admin."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tenancy.roles import Role
from tenancy.testing import give_role
from tests.documents.helpers import attach, make_document
from tests.tenancy.conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

MARK = "Riêng của xã Ninh Hải"


@pytest.fixture
def theirs(other_site):
    cache.clear()
    document = make_document("88/QĐ-UBND", MARK, site=other_site)
    attach(document, "rieng-ninh-hai.pdf")
    return document


def test_a_document_of_another_site_is_not_found_nor_listed(client, theirs):
    ours = make_document("7/QĐ-UBND", "Của phường Phù Vân")
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(theirs.get_absolute_url() + "in/").status_code == 404
    attachment = theirs.files.get()
    assert client.get(attachment.get_absolute_url()).status_code == 404
    for url in (
        "/van-ban/",
        "/van-ban/?q=88+qd+ubnd",
        "/van-ban/?q=ninh+hai",
        "/van-ban/du-thao/",
        "/van-ban/rss/",
        reverse("articles:search") + "?q=88+qd+ubnd",
        reverse("sitemap_section", args=["documents"]),
    ):
        html = client.get(url).content.decode()
        assert MARK not in html and theirs.slug not in html, url
    other = Client(HTTP_HOST=OTHER_HOST)
    assert other.get(ours.get_absolute_url()).status_code == 404
    assert theirs.get_absolute_url() in other.get("/van-ban/?q=88+qd+ubnd").content.decode()


def test_the_admin_of_one_site_lists_none_of_the_others_documents(theirs, django_user_model):
    user = django_user_model.objects.create_user("quantri.phuvan", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR)
    ours = Client()
    ours.force_login(user)
    html = ours.get(reverse("admin:documents_document_changelist")).content.decode()
    assert MARK not in html
    change = reverse("admin:documents_document_change", args=[theirs.pk])
    assert ours.get(change).status_code in (302, 404)
