"""Readers' cookies and one wrk run of one scenario."""

import os
import secrets
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from django.http import HttpResponse

from portal.visitors import COOKIE_SALT, VISITOR_COOKIE

SCRIPT = Path(__file__).parent / "wrk" / "visitors.lua"
# Signed this long ago, a cookie is no longer "new" (portal.visitors.NEW_COOKIE_SECONDS), so
# the visitor is known by its cookie alone: every cookie is one visitor.
COOKIE_AGE = 2 * 3600


def write_cookies(path, count):
    """`count` signed visitor cookies, as VisitorCookieMiddleware would have given them."""
    response = HttpResponse()
    values = []
    with mock.patch("time.time", return_value=time.time() - COOKIE_AGE):
        for _ in range(count):
            response.set_signed_cookie(VISITOR_COOKIE, secrets.token_urlsafe(16), salt=COOKIE_SALT)
            values.append(response.cookies[VISITOR_COOKIE].value)
    path.write_text("\n".join(values) + "\n")


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    sent: int
    answered: int
    failed: int
    errors: int
    ok_by_visitor: dict = field(default_factory=dict)

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def problems(self):
        found = []
        if self.failed or self.errors:
            found.append(f"{self.failed} reader answers not 200, {self.errors} socket errors")
        return found


def run_wrk(url, path, cookies, seconds, tail, out, connections=16, threads=2, targets=None):
    """wrk on `path`, or on each line ("host path") of the file `targets` in turn."""
    command = [
        "wrk",
        f"-c{connections}",
        f"-t{threads}",
        f"-d{seconds + tail}s",
        "--timeout",
        "30s",
        "-s",
        str(SCRIPT),
        url,
        "--",
        path,
        str(cookies),
        str(seconds),
        *([str(targets)] if targets else []),
    ]
    env = {**os.environ, "BENCH_WRK_OUT": str(out)}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
    return parse(out.read_text())


def parse(text):
    values, visitors = {}, {}
    for line in text.splitlines():
        parts = line.split()
        if parts[0] == "visitor":
            key = parts[1]  # a visitor's number, or "visitor@target" with targets
            visitors[int(key) if key.isdigit() else key] = int(parts[2])
        else:
            values[parts[0]] = float(parts[1])
    return Result(
        requests=int(values["requests"]),
        seconds=values["duration_us"] / 1e6,
        p50_ms=values["p50_us"] / 1000,
        p95_ms=values["p95_us"] / 1000,
        p99_ms=values["p99_us"] / 1000,
        sent=int(values["sent"]),
        answered=int(values["answered"]),
        failed=int(values["failed"]),
        errors=int(values["errors"]),
        ok_by_visitor=visitors,
    )
