"""The tree of pages: order, depth, no cycle, one site, addresses that survive a move."""

import pytest
from django.core.exceptions import ValidationError

from pages.models import MAX_DEPTH, Page
from tests.pages.helpers import about_tree, make_page

pytestmark = pytest.mark.django_db


def test_the_tree_order_puts_parents_before_children_and_siblings_by_order():
    root, first, second, grandchild = about_tree()
    other_root = make_page("Tin tức cần biết", order=2, slug="tin-can-biet")
    ordered = list(Page.objects.in_tree_order())
    assert ordered == [root, first, second, grandchild, other_root]
    assert [page.depth for page in ordered] == [1, 2, 2, 3, 1]


def test_reordering_siblings_moves_their_sub_pages_with_them():
    root, first, second, grandchild = about_tree()
    second.order = 0
    second.save()
    assert list(Page.objects.in_tree_order()) == [root, second, grandchild, first]


def test_a_page_cannot_be_its_own_ancestor():
    root, _first, second, grandchild = about_tree()
    root.parent = grandchild
    with pytest.raises(ValidationError) as error:
        root.full_clean()
    assert error.value.message_dict["parent"] == [
        "Không thể đặt một trang dưới chính nó hoặc dưới một trang con của nó."
    ]
    second.parent = second
    with pytest.raises(ValidationError):
        second.full_clean()


def test_the_tree_is_at_most_max_depth_levels_deep():
    parent = None
    for level in range(MAX_DEPTH):
        parent = make_page(f"Cấp {level}", parent=parent, slug=f"cap-{level}")
    too_deep = Page(site=parent.site, parent=parent, title="Quá sâu", slug="qua-sau")
    with pytest.raises(ValidationError) as error:
        too_deep.full_clean()
    assert "parent" in error.value.message_dict


def test_moving_a_branch_under_a_deep_page_counts_the_branch_height():
    _root, first, second, _grandchild = about_tree()
    deep = make_page("Sâu", parent=make_page("Giữa", parent=first, slug="giua"), slug="sau")
    second.parent = deep  # second has a sub-page: 4 + 2 levels
    with pytest.raises(ValidationError):
        second.full_clean()


def test_the_parent_must_be_of_the_same_site(other_site):
    foreign = make_page("Trang xã khác", site=other_site, slug="trang-xa-khac")
    page = Page(site=make_page("Trang", slug="trang").site, parent=foreign, title="Con")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "parent" in error.value.message_dict


def test_the_address_is_the_slug_alone_so_a_move_keeps_it():
    _root, first, _second, grandchild = about_tree()
    address = grandchild.get_absolute_url()
    assert address == "/trang/thoi-ky-doi-moi/"
    grandchild.parent = first
    grandchild.save()
    assert grandchild.get_absolute_url() == address
    assert [page.title for page in grandchild.ancestors()] == ["Giới thiệu", "Giới thiệu chung"]


def test_slugs_are_made_from_the_title_and_unique_per_site(other_site):
    one = make_page("Lịch sử hình thành")
    two = make_page("Lịch sử hình thành")
    elsewhere = make_page("Lịch sử hình thành", site=other_site)
    assert one.slug == "lich-su-hinh-thanh"
    assert two.slug == "lich-su-hinh-thanh-2"
    assert elsewhere.slug == "lich-su-hinh-thanh"


def test_a_page_under_a_draft_is_not_public():
    root, first, _second, grandchild = about_tree()
    root.status = Page.Status.DRAFT
    root.save()
    assert not Page.objects.published().exists()
    root.status = Page.Status.PUBLISHED
    root.save()
    assert set(Page.objects.published()) >= {root, first, grandchild}


def test_search_text_is_folded_and_the_body_sanitized():
    page = make_page("Đảng bộ Phù Vân", body='<p onclick="x()">Lịch sử <script>x</script></p>')
    assert page.search_title == "dang bo phu van"
    assert "lich su" in page.search_body
    assert "onclick" not in page.body and "<script>" not in page.body


def test_ancestors_are_found_by_tree_key_within_the_site(other_site, django_assert_num_queries):
    _root, _first, _second, grandchild = about_tree()
    about_tree(site=other_site)
    with django_assert_num_queries(1):
        ancestors = grandchild.ancestors()
    assert [(page.title, page.site_id) for page in ancestors] == [
        ("Giới thiệu", grandchild.site_id),
        ("Lịch sử hình thành", grandchild.site_id),
    ]


def test_a_site_deleted_takes_its_whole_tree_with_it(other_site):
    about_tree(site=other_site)
    other_site.delete()
    assert not Page.objects.exists()
