"""What an import would change, worked out before anything is saved (the preview) and again,
on the rows kept from the upload, when staff apply it (services.apply_import).

Rows are matched to the site's procedures by code, or by name (diacritics and case aside) when
the row has no code or its code is not known yet. An empty cell keeps what the procedure has:
a spreadsheet with only some columns filled updates only those. A field of work the site does
not have yet is added (the national database's field names are the reference, and staff would
otherwise have to type them one by one first); the preview lists such fields.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.html import escape
from django.utils.translation import gettext as _

from library.html import plain_text, sanitize_html
from portal.text import fold, nfc
from sectors.models import Sector

from .columns import BY_FIELD
from .models import RICH_FIELDS, Procedure

CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_]*$")
LEVELS = {  # a folded cell -> level; the national portal's words and its former numbers
    "toan trinh": Procedure.Level.FULL,
    "dich vu cong truc tuyen toan trinh": Procedure.Level.FULL,
    "muc do 4": Procedure.Level.FULL,
    "4": Procedure.Level.FULL,
    "full": Procedure.Level.FULL,
    "mot phan": Procedure.Level.PARTIAL,
    "dich vu cong truc tuyen mot phan": Procedure.Level.PARTIAL,
    "muc do 3": Procedure.Level.PARTIAL,
    "3": Procedure.Level.PARTIAL,
    "partial": Procedure.Level.PARTIAL,
    "chi cung cap thong tin": Procedure.Level.INFORMATION,
    "cung cap thong tin": Procedure.Level.INFORMATION,
    "thong tin": Procedure.Level.INFORMATION,
    "muc do 2": Procedure.Level.INFORMATION,
    "muc do 1": Procedure.Level.INFORMATION,
    "2": Procedure.Level.INFORMATION,
    "1": Procedure.Level.INFORMATION,
    "information": Procedure.Level.INFORMATION,
}
URL = URLValidator(schemes=["http", "https"])


@dataclass
class Entry:
    """One valid row: the procedure it updates (None: a new one) and the values it sets."""

    number: int
    procedure: Procedure | None
    data: dict  # field -> value for the model ("sector" holds the field's name)
    changes: list = field(default_factory=list)  # [(label, old text, new text)]

    @property
    def name(self):
        return self.data.get("name") or self.procedure.name

    @property
    def code(self):
        return self.data.get("code") or (self.procedure.code if self.procedure else "")


@dataclass
class Plan:
    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0
    errors: list = field(default_factory=list)  # [(row number, message)]
    new_sectors: list = field(default_factory=list)  # names of fields of work to add

    @property
    def has_changes(self):
        return bool(self.new or self.changed)


def rich_html(text):
    """A cell's lines as paragraphs, stored as the editor would (sanitized, NFC)."""
    paragraphs = [f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip()]
    return sanitize_html(nfc("".join(paragraphs)))


def clean_row(values):
    """(data, errors) of one row's cells: the model values of the non-empty cells."""
    data, errors = {}, []
    for name, text in values.items():
        if not text:
            continue
        column = BY_FIELD[name]
        if len(text) > column.max_length:
            message = _("“%(column)s” is longer than %(limit)d characters.")
            errors.append(message % {"column": column.header, "limit": column.max_length})
            continue
        try:
            data[name] = clean_value(name, text)
        except ValidationError as error:
            errors.append(error.messages[0])
    if not data.get("name") and not data.get("code"):
        errors.append(_("The row has neither a name nor a code."))
    return data, errors


def clean_value(name, text):
    if name == "code" and not CODE.match(text):
        raise ValidationError(_("The code “%(code)s” is not a procedure code.") % {"code": text})
    if name == "level":
        if fold(text).strip(" .") not in LEVELS:
            message = _(
                "Unknown level “%(level)s”: write Toàn trình, Một phần or Chỉ cung cấp thông tin."
            )
            raise ValidationError(message % {"level": text})
        return LEVELS[fold(text).strip(" .")]
    if name == "national_url":
        try:
            URL(text)
        except ValidationError:
            message = _("“%(url)s” is not a web address starting with http:// or https://.")
            raise ValidationError(message % {"url": text[:100]}) from None
    if name in RICH_FIELDS:
        return rich_html(text)
    return text


class Matcher:
    """Finds the site's procedure a row is about, and notices a procedure named twice."""

    def __init__(self, site):
        procedures = list(Procedure.objects.for_site(site).select_related("sector"))
        self.by_code = {p.code: p for p in procedures if p.code}
        self.by_name = {}
        for procedure in procedures:
            self.by_name.setdefault(procedure.search_name, []).append(procedure)
        self.seen = {}

    def match(self, number, data):
        """(procedure or None, error or None)."""
        key = ("code", data["code"]) if data.get("code") else ("name", fold(data["name"]))
        if key in self.seen:
            message = _("This procedure is already on row %(row)d.")
            return None, message % {"row": self.seen[key]}
        self.seen[key] = number
        if data.get("code") in self.by_code:
            return self.by_code[data["code"]], None
        if not data.get("name"):
            return None, _("No procedure has the code “%(code)s”; give its name to add it.") % {
                "code": data["code"]
            }
        named = self.by_name.get(fold(data["name"]), [])
        if data.get("code"):
            named = [procedure for procedure in named if not procedure.code]
        if len(named) > 1:
            return None, _("Several procedures have this name; give the code.")
        return (named[0] if named else None), None


def display(name, value):
    if name == "level":
        return str(Procedure.Level(value).label) if value else ""
    if name in RICH_FIELDS:
        return plain_text(value).strip()
    return value or ""


def changes_of(procedure, data):
    """[(label, old, new)] of the fields the row changes."""
    found = []
    for name, value in data.items():
        if name == "sector":
            old = procedure.sector.name if procedure.sector else ""
            same = fold(old) == fold(value)
        else:
            old = getattr(procedure, name)
            same = old == value
        if not same:
            label = BY_FIELD[name].header
            found.append((label, display(name, old), display(name, value)))
    return found


def plan_import(site, rows):
    plan, matcher = Plan(), Matcher(site)
    sectors = {fold(s.name) for s in Sector.objects.for_site(site).only("name")}
    for row in rows:
        data, errors = clean_row(row.values)
        procedure = None
        if not errors:
            procedure, error = matcher.match(row.number, data)
            errors = [error] if error else []
        if errors:
            plan.errors.append((row.number, " ".join(errors)))
            continue
        if data.get("sector") and fold(data["sector"]) not in sectors:
            sectors.add(fold(data["sector"]))
            plan.new_sectors.append(data["sector"])
        entry = Entry(row.number, procedure, data)
        if procedure is None:
            plan.new.append(entry)
        elif changes := changes_of(procedure, data):
            entry.changes = changes
            plan.changed.append(entry)
        else:
            plan.unchanged += 1
    return plan
