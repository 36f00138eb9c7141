"""Writes that touch several procedures at once."""

from django.db import transaction

from portal.locks import lock_names
from portal.text import fold
from sectors.models import Sector

from .importing import plan_import
from .models import Procedure


def sector_for(site, name, known):
    """The site's field of work of that name (diacritics and case aside), added if missing."""
    key = fold(name)
    if key not in known:
        known[key] = Sector.objects.create(site=site, name=name)
    return known[key]


def apply_import(site, rows):
    """Apply the rows of an import (those without errors) in one transaction, worked out again
    against the procedures as they are now; returns the Plan that was applied."""
    with transaction.atomic():
        lock_names([f"procedures:import:{site.pk}"])
        plan = plan_import(site, rows)
        known = {fold(sector.name): sector for sector in Sector.objects.for_site(site)}
        for entry in [*plan.new, *plan.changed]:
            procedure = entry.procedure or Procedure(site=site)
            for name, value in entry.data.items():
                if name == "sector":
                    procedure.sector = sector_for(site, value, known)
                else:
                    setattr(procedure, name, value)
            procedure.save()
    return plan
