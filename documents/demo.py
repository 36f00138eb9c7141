"""The demo documents for `manage.py seed_demo`: types, issuing bodies, about thirty documents
(some replacing or amending others), each with its PDF, and two drafts for opinion, one open
and one closed. Adds what a site lacks (by name, number or abstract), never changes the rest."""

from datetime import timedelta

from django.utils import timezone

from comments.demo import in_words_of
from library.attachments import check_upload, store_attachment
from sectors.models import Sector

from . import demo_content as content
from .demo_files import as_upload, document_pdf
from .models import Document, DocumentFile, DocumentType, IssuingBody
from .services import apply_links, refresh_file_text


def place_of(site):
    """ "Ủy ban nhân dân phường Phù Vân" -> "phường Phù Vân"."""
    name = site.office["name"]
    return name.split("Ủy ban nhân dân", 1)[-1].strip() or name


def deadline(days_from_now):
    """5 pm local time, `days_from_now` days from today (before today if negative)."""
    day = timezone.localtime() + timedelta(days=days_from_now)
    return day.replace(hour=17, minute=0, second=0, microsecond=0)


def ensure_named(model, site, names):
    known = {row.name: row for row in model.objects.for_site(site)}
    for n, name in enumerate(names):
        if name not in known:
            known[name] = model.objects.create(site=site, name=name, position=10 * (n + 1))
    return known


def attach_pdf(document, place):
    day = document.issued_on or timezone.localdate()
    pdf = document_pdf(
        body_name=document.issuing_body.name,
        number=document.number,
        place_and_date=f"{place.split(' ', 1)[-1]}, {day:%d/%m/%Y}",
        type_name=document.document_type.name,
        abstract=document.abstract,
        paragraphs=tuple(in_words_of(document.site, text) for text in content.PARAGRAPHS),
        signer=document.signer,
    )
    name = f"{document.slug}.pdf"
    attachment, _created = store_attachment(
        check_upload(as_upload(name, pdf)), site=document.site, title=document.title()
    )
    DocumentFile.objects.create(document=document, attachment=attachment, position=1)
    refresh_file_text(document)


class Seeder:
    def __init__(self, site):
        self.site = site
        self.place = place_of(site)
        self.types = ensure_named(DocumentType, site, content.TYPES)
        bodies = [body.format(place=self.place) for body in content.BODIES]
        named = ensure_named(IssuingBody, site, bodies)
        self.bodies = [named[name] for name in bodies]
        self.sectors = {sector.name: sector for sector in Sector.objects.for_site(site)}
        self.today = timezone.localdate()

    def document(self, key, type_name, body, sector, abstract, **fields):
        document = Document.objects.create(
            site=self.site,
            document_type=self.types[type_name],
            issuing_body=self.bodies[body],
            sector=self.sectors.get(sector),
            signer=content.SIGNERS[body],
            abstract=in_words_of(self.site, abstract),
            **fields,
        )
        attach_pdf(document, self.place)
        return document

    def documents(self):
        existing = {d.number: d for d in Document.objects.for_site(self.site).issued()}
        by_key, added = {}, 0
        for key, kind, number, body, sector, ago, delay, abstract, _r, _a in content.DOCUMENTS:
            issued = self.today - timedelta(days=ago)
            number = number.format(year=issued.year)
            if number in existing:
                by_key[key] = existing[number]
                continue
            by_key[key] = self.document(
                key,
                kind,
                body,
                sector,
                abstract,
                number=number,
                issued_on=issued,
                effective_on=issued + timedelta(days=delay),
            )
            added += 1
        for key, *_fields, replaces, amends in content.DOCUMENTS:
            document = by_key[key]
            linked = document.replaces.exists() or document.amends.exists()
            if (replaces or amends) and not linked:
                document.replaces.set([by_key[other] for other in replaces])
                document.amends.set([by_key[other] for other in amends])
                apply_links(document)
        return added

    def drafts(self):
        drafts = Document.objects.for_site(self.site).drafts()
        known = set(drafts.values_list("abstract", flat=True))
        added = 0
        for key, kind, body, sector, days_left, abstract, shown in content.DRAFTS:
            abstract = in_words_of(self.site, abstract)
            if abstract in known:
                continue
            self.document(
                key,
                kind,
                body,
                sector,
                abstract,
                opinion_until=deadline(days_left),
                show_opinions=shown,
            )
            added += 1
        return added


def seed(site, second_ward=False):
    seeder = Seeder(site)
    return seeder.documents() + seeder.drafts()
