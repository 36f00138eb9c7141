from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from .models import Organisation, Person, Unit


def organisation_of(site):
    """The site's organisation profile (unsaved and empty if staff never wrote one)."""
    return Organisation.objects.filter(site=site).first() or Organisation(site=site)


def ordered_people(site):
    return Person.objects.for_site(site).order_by("order", "pk")


class OrganisationMixin:
    def get_context_data(self, **kwargs):
        site = self.request.site
        organisation = organisation_of(site)
        office = {
            **site.office,
            "name": organisation.name or site.office["name"],
            "address": organisation.address or site.office["address"],
        }
        return super().get_context_data(organisation=organisation, office_contact=office, **kwargs)


class OrganisationView(OrganisationMixin, TemplateView):
    """The organisation's introduction and its chart: the units as a nested list."""

    template_name = "organisation/organisation.html"

    def get_context_data(self, **kwargs):
        units = Unit.objects.for_site(self.request.site).tree_order()
        children = {}
        for unit in units:
            children.setdefault(unit.parent_id, []).append(unit)
        for unit in units:
            unit.sub_units = children.get(unit.pk, [])
        roots = [unit for unit in units if unit.depth == 0]
        return super().get_context_data(roots=roots, **kwargs)


class UnitView(OrganisationMixin, TemplateView):
    template_name = "organisation/unit.html"

    def get_context_data(self, **kwargs):
        site = self.request.site
        units = Unit.objects.for_site(site).select_related("parent")
        unit = get_object_or_404(
            units.prefetch_related(
                Prefetch("people", queryset=ordered_people(site)),
                Prefetch("children", queryset=Unit.objects.for_site(site)),
            ),
            slug=self.kwargs["slug"],
        )
        return super().get_context_data(unit=unit, **kwargs)


class DirectoryView(OrganisationMixin, TemplateView):
    """The points of contact first (Decree 42/2022, art. 6), then everyone by unit."""

    template_name = "organisation/directory.html"

    def get_context_data(self, **kwargs):
        site = self.request.site
        people = list(ordered_people(site).select_related("unit"))
        units = Unit.objects.for_site(site).tree_order()
        by_unit = {}
        for person in people:
            by_unit.setdefault(person.unit_id, []).append(person)
        groups = [(unit, by_unit[unit.pk]) for unit in units if unit.pk in by_unit]
        contact_points = [person for _unit, members in groups for person in members]
        contact_points = [person for person in contact_points if person.is_contact_point]
        return super().get_context_data(contact_points=contact_points, groups=groups, **kwargs)
