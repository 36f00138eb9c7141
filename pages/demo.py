"""Demo pages for `manage.py seed_demo`: "Giới thiệu" and its usual sub-pages."""

import re

from comments.demo import in_words_of

from .demo_content import PAGES
from .models import Page

UNIT_AND_PLACE = re.compile(r"\b(?:phường|xã)\s+(.+)$")


def place_name(site):
    """The ward's own name ("Phù Vân" of "Cổng thông tin điện tử phường Phù Vân")."""
    found = UNIT_AND_PLACE.search(site.name)
    return found.group(1) if found else site.name


def seed(site, second_ward=False):
    """Pages the site does not have yet (by slug); returns how many were added."""
    place, added, created = place_name(site), 0, {}
    existing = Page.objects.for_site(site)
    for slug, title, parent, order, description, paragraphs in PAGES:
        page = existing.filter(slug=slug).first()
        if page is None:
            page = Page.objects.create(
                site=site,
                slug=slug,
                title=title,
                parent=created.get(parent),
                order=order,
                body=in_words_of(site, "\n".join(paragraphs).replace("{place}", place)),
                seo_description=in_words_of(site, description.replace("{place}", place)),
                status=Page.Status.PUBLISHED,
            )
            added += 1
        created[slug] = page
    return added
