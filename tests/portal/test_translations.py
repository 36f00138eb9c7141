from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES"


def entries(catalog):
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog if entry.msgid}


def test_vietnamese_catalog_is_complete():
    po = polib.pofile(str(LOCALE / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_compiled_catalog_matches_the_source():
    """The committed .mo is what a fresh machine uses: it must not lag behind the .po."""
    po = polib.pofile(str(LOCALE / "django.po"))
    mo = polib.mofile(str(LOCALE / "django.mo"))
    assert entries(mo) == entries(po)
