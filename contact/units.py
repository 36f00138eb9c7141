"""What the contact page takes from the organisation (app `organisation`): the office as the
organisation's profile names it (in the reader's language, django-modeltranslation), and the
units a reader may write to, those with an e-mail."""

from organisation.models import Unit
from organisation.views import organisation_of


def office_of(site):
    """The site's office details; the name and address of the organisation's profile where
    staff wrote them (in English too), else the site's own."""
    organisation = organisation_of(site)
    office = site.office
    return {
        **office,
        "name": organisation.name or office["name"],
        "address": organisation.address or office["address"],
    }


def units_for(site):
    return Unit.objects.for_site(site).exclude(email="").order_by("order", "name", "pk")
