"""The demo wards' header menu, footer links and website links."""

from django.db import transaction

from . import registry, services
from .models import Link, Menu

NATIONAL_PORTALS = [
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
]
PROVINCE_PORTAL = ("Cổng thông tin điện tử tỉnh", "https://example.gov.vn")
FOOTER = [
    ("Giới thiệu", "/trang/gioi-thieu/"),
    ("Văn bản", "/van-ban/"),
    ("Hỏi đáp", "/hoi-dap/"),
    ("Liên hệ", "/lien-he/"),
]


def about_spec(site):
    """ "Giới thiệu": the site's "gioi-thieu" page if the pages app has it, else its address."""
    key = registry.lookup("page", site, "gioi-thieu")
    if key:
        return registry.Spec("Giới thiệu", "page", key)
    return registry.Spec("Giới thiệu", registry.URL, url="/trang/gioi-thieu/")


def news_spec(site):
    """ "Tin tức" over the site's top-level categories."""
    categories = [spec for spec in registry.default_items(site) if spec.kind == "category"]
    children = [registry.Spec(spec.label, spec.kind, spec.target) for spec in categories]
    return registry.Spec("Tin tức", children=children)


def header_specs(site):
    return [
        registry.Spec("Trang chủ", registry.LIST, "home"),
        about_spec(site),
        news_spec(site),
        list_spec("Văn bản", "documents", "/van-ban/"),
        list_spec("Thủ tục hành chính", "procedures", "/thu-tuc-hanh-chinh/"),
        list_spec("Hỏi đáp", "questions", "/hoi-dap/"),
        registry.Spec("Liên hệ", registry.URL, url="/lien-he/"),
    ]


def list_spec(label, key, url):
    """A list of the portal that an app registered (menus.registry.register_list), else the
    address, for an installation without that app."""
    if key in registry.lists():
        return registry.Spec(label, registry.LIST, key)
    return registry.Spec(label, registry.URL, url=url)


def footer_specs(site):
    return [registry.Spec(label, registry.URL, url=url) for label, url in FOOTER]


def seed_links(site, second_ward):
    """The national portals as text in the sidebar, the province's with a drawn logo on the
    home page; a second ward's links go to the footer, as some wards place them."""
    if Link.objects.for_site(site).exists():
        return 0
    placement = Link.Placement.FOOTER if second_ward else Link.Placement.SIDEBAR
    for order, (title, url) in enumerate(NATIONAL_PORTALS):
        Link.objects.create(site=site, title=title, url=url, placement=placement, order=order)
    link = Link(site=site, title=PROVINCE_PORTAL[0], url=PROVINCE_PORTAL[1], order=10)
    link.placement = Link.Placement.HOME
    link.logo.save("cong-tinh.png", services.drawn_logo("example.gov.vn"), save=False)
    link.save()
    return len(NATIONAL_PORTALS) + 1


@transaction.atomic
def seed_demo(site, second_ward=False):
    added = 0
    for place, specs in ((Menu.Place.HEADER, header_specs), (Menu.Place.FOOTER, footer_specs)):
        if not Menu.objects.for_site(site).filter(place=place).exists():
            menu = services.create_menu(site, place, specs(site))
            added += 1 + menu.items.count()
    return added + seed_links(site, second_ward)
