"""The units a reader may write to: those of the organisation (app `organisation`) that have
an e-mail, in the order of the organisation's structure."""

from organisation.models import Unit


def units_for(site):
    return Unit.objects.for_site(site).exclude(email="").order_by("order", "name", "pk")
