"""A newcomer's first `make run` on SQLite: migrate and the system checks print no warning."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(tmp_path, *arguments, **env):
    """manage.py as `make run` starts it: no settings from the environment, SQLite in var/."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PORTAL_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    clean.pop("REDIS_URL", None)
    clean.update(DJANGO_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=clean, cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip


def test_migrate_and_check_on_sqlite_print_no_warning(tmp_path):
    migrate = manage(tmp_path, "migrate", "--noinput")
    assert (tmp_path / "db.sqlite3").exists()
    check = manage(tmp_path, "check", "--database", "default")
    for run in (migrate, check):
        output = run.stdout + run.stderr
        assert "WARNING" not in output and "does not support" not in output, output
    assert "System check identified no issues (1 silenced)" in check.stdout


def test_only_the_covering_index_warning_is_silenced_and_only_on_sqlite(tmp_path):
    show = [
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SILENCED_SYSTEM_CHECKS)",
    ]
    assert manage(tmp_path, *show).stdout.splitlines()[-1] == "['models.W040']"
    postgres = manage(tmp_path, *show, DATABASE_URL="postgres://postgres@127.0.0.1:5432/x")
    assert postgres.stdout.splitlines()[-1] == "[]"
