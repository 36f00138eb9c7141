"""Pages as menu destinations (the menus registry): a published page's item leads to it; a
draft's, a scheduled one's or a deleted one's is hidden, and shows once it is public."""

from datetime import timedelta

import pytest
from django.utils import timezone

from menus import registry
from pages.models import Page
from pages.navigation import next_change, page_choices
from tests.factories import first_site
from tests.menus.helpers import header, nav_html
from tests.pages.helpers import about_tree, make_page

pytestmark = pytest.mark.django_db


def page_item(page, label=None):
    return registry.Spec(label or page.title, "page", page.slug)


def test_a_menu_item_leads_to_its_page(client):
    about = make_page("Giới thiệu")
    header(page_item(about, "Về phường"))
    nav = nav_html(client.get("/"))
    assert f'href="{about.get_absolute_url()}"' in nav and "Về phường" in nav


def test_a_draft_or_deleted_pages_item_is_hidden(client):
    draft = make_page("Dự thảo", status=Page.Status.DRAFT)
    gone = make_page("Sắp xóa")
    header(page_item(draft), page_item(gone))
    gone.delete()
    nav = nav_html(client.get("/"))
    assert "Dự thảo" not in nav and "Sắp xóa" not in nav
    assert client.get("/").status_code == 200


def test_a_scheduled_pages_item_appears_when_the_page_does(client):
    moment = timezone.now() + timedelta(hours=2)
    later = make_page("Lịch tiếp dân", publish_at=moment)
    header(page_item(later))
    assert "Lịch tiếp dân" not in nav_html(client.get("/"))
    assert next_change(first_site()) == moment


def test_the_admin_offers_the_sites_pages_in_tree_order():
    about_tree()
    labels = [label for _slug, label in page_choices(first_site())]
    assert labels[0] == "Giới thiệu"
    assert labels[1].startswith("— ")
