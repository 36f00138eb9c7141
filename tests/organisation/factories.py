from django.core.files.base import ContentFile

from organisation.models import Organisation, Person, Unit
from tests.factories import first_site


def make_unit(name="Ủy ban nhân dân", parent=None, site=None, **fields):
    site = site or (parent.site if parent else first_site())
    return Unit.objects.create(name=name, parent=parent, site=site, **fields)


def make_person(unit, name="Nguyễn Văn An", **fields):
    fields.setdefault("position", "Chủ tịch")
    return Person.objects.create(unit=unit, site=unit.site, name=name, **fields)


def fill_organisation(site, marker, photo_bytes):
    """An organisation of two units and a person with a photo (the site backup test)."""
    Organisation.objects.create(site=site, name=f"UBND {marker}", name_en=f"Committee {marker}")
    committee = make_unit(f"UBND {marker}", site=site, name_en=f"Committee {marker}")
    office = make_unit(f"Văn phòng {marker}", parent=committee, email="vp@example.gov.vn")
    person = make_person(office, name=f"Trần {marker}", position_en="Chief", is_contact_point=True)
    person.photo.save(f"anh-{marker}.png", ContentFile(photo_bytes))
