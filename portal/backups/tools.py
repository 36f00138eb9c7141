"""PostgreSQL's command-line tools (pg_dump, pg_restore), with the site's connection."""

import os
import re
import shutil
import subprocess

from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient

from .common import BackupError


def tool_major_version(tool):
    output = run_tool(tool, "--version").stdout
    found = re.search(r"(\d+)(?:\.\d+)?", output)
    if not found:
        raise BackupError(f"Cannot read the version of {tool} from {output!r}.")
    return int(found.group(1))


def run_tool(tool, *args):
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client).")
    result = subprocess.run(  # noqa: S603
        [executable, *args],
        env=postgresql_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{tool} failed:\n{result.stderr.strip()}")
    return result


def postgresql_environment():
    """The connection settings as libpq variables: the password never shows in `ps`."""
    settings_dict = connection.settings_dict
    _args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    variables = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "NAME": "PGDATABASE"}
    named = {
        var: str(settings_dict[key]) for key, var in variables.items() if settings_dict.get(key)
    }
    return {**os.environ, **named, **(env or {})}
