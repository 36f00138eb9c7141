import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

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


def test_every_string_in_the_code_is_in_the_catalog(tmp_path):
    """Run makemessages on a copy of the tree: no msgid may be missing from the catalog."""
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    root = LOCALE.parents[2]
    copy = tmp_path / "tree"
    shutil.copytree(
        root,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "*_cache", "tests"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "vi", "--no-obsolete"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    extracted = polib.pofile(str(copy / "locale/vi/LC_MESSAGES/django.po"))
    assert [entry.msgid for entry in extracted.untranslated_entries()] == []
