"""The demo organisation for `manage.py seed_demo`: adds the units and people a site lacks
(by slug, and by name within a unit), never changes what exists."""

from comments.demo import in_words_of
from portal.text import fold, vietnamese_slugify

from . import demo_content as content
from .models import Organisation, Person, Unit

PHONE_PREFIX = "0229 3 871 "


def is_commune(site):
    return in_words_of(site, "phường") != "phường"


def in_english_of(site, text):
    return text.replace("Ward", "Commune").replace("ward", "commune") if is_commune(site) else text


def english_office_name(site):
    """ "Ủy ban nhân dân phường Phù Vân" -> "Phu Van Ward People's Committee"."""
    name = site.office["name"]
    place = name.split(in_words_of(site, "phường"), 1)[-1].strip()
    return f"{fold(place).title()} {in_english_of(site, 'Ward')} People's Committee"


def mailbox(site, name):
    """An invented official address, e.g. vanphong.phuvan@example.gov.vn."""
    place = "".join(vietnamese_slugify(site.office["name"]).split("-")[-2:])
    return f"{name}.{place}@example.gov.vn"


def seed_demo(site, second_ward=False):
    added = 0
    if not Organisation.objects.filter(site=site).exists():
        Organisation.objects.create(
            site=site,
            name_en=english_office_name(site),
            introduction_vi=in_words_of(site, content.INTRODUCTION_VI.format(place="phường")),
            introduction_en=in_english_of(site, content.INTRODUCTION_EN.format(place="ward")),
        )
        added += 1
    units = {}
    for slug, parent, kind, order, name_vi, name_en, phone in content.UNITS:
        units[slug], created = Unit.objects.get_or_create(
            site=site,
            slug=slug,
            defaults={
                "parent": units.get(parent),
                "kind": kind,
                "order": order,
                "name_vi": in_words_of(site, name_vi),
                "name_en": in_english_of(site, name_en),
                **contacts(site, slug, phone, has_fax=parent is None),
                **functions(site, slug),
            },
        )
        added += created
    for slug, name, position_vi, position_en, phone, email, contact in content.PEOPLE:
        _person, created = Person.objects.get_or_create(
            site=site,
            unit=units[slug],
            name=name,
            defaults={
                "position_vi": in_words_of(site, position_vi),
                "position_en": in_english_of(site, position_en),
                "phone": PHONE_PREFIX + phone,
                "email": mailbox(site, email),
                "is_contact_point": contact,
                "order": phone,
            },
        )
        added += created
    return added


def contacts(site, slug, phone, has_fax):
    return {
        "address_vi": site.office["address"],
        "phone": PHONE_PREFIX + phone,
        "fax": PHONE_PREFIX + str(int(phone) + 800) if has_fax else "",
        "email": mailbox(site, slug.replace("-", "")),
    }


def functions(site, slug):
    place_vi, place_en = in_words_of(site, "phường"), in_english_of(site, "ward")
    return {
        "functions_vi": f"<p>{content.FUNCTIONS_VI[slug].format(place=place_vi)}</p>",
        "functions_en": f"<p>{content.FUNCTIONS_EN[slug].format(place=place_en)}</p>",
    }
