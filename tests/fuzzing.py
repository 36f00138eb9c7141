"""Hostile requests for the fuzz tests (tests/portal/test_fuzz.py): the public URLs found in the
URL resolver, Hypothesis strategies for what a client can send, and a snapshot of the database
to tell whether a request changed it."""

import itertools
import json
import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import connection
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portal.visitors import COOKIE_SALT, VISITOR_COOKIE

# CI runs a fixed, small set of examples (reproducible); FUZZ_EXAMPLES=500 explores at random.
EXPLORING = bool(os.environ.get("FUZZ_EXAMPLES"))
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 15)


def fuzz_settings(examples=EXAMPLES):
    return hypothesis_settings(
        max_examples=examples,
        deadline=None,
        derandomize=not EXPLORING,
        database=None if not EXPLORING else hypothesis_settings.default.database,
        suppress_health_check=list(HealthCheck),
        phases=[phase for phase in Phase if phase is not Phase.explain],
    )


# URL discovery


SKIPPED_PREFIXES = ("admin/", "__debug__/", "static/", "media/")
# {0} is a letter and {1} a digit of the parameter's place ("4242{1}" for an <int:...>).
SLOT_CANDIDATES = ("fuzzslot{0}x", "4242{0}", "q{0}", "4242{1}")


@dataclass(frozen=True)
class Endpoint:
    name: str  # "articles:detail"
    template: str  # "/bai-viet/{slug}/"
    slots: tuple = ()  # ("slug",)
    page_cache: object = None  # the pagecache.Policy of the view, if cached

    def path(self, values):
        return self.template.format_map(values)

    def __str__(self):
        return self.name


def walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.lstrip("^").startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if namespace and entry.namespace:
                inner = f"{namespace}:{entry.namespace}"
            yield from walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def slot_names(pattern):
    found = getattr(pattern.pattern, "converters", None)
    if found:
        return tuple(found)
    return tuple(pattern.pattern.regex.groupindex)


def placeholder_template(name, slots):
    """The URL with a placeholder for each parameter, found by reversing with values that
    match whatever each converter or regex group accepts."""
    letters = "abcdefgh"
    options = [
        [candidate.format(letters[index], index) for candidate in SLOT_CANDIDATES]
        for index in range(len(slots))
    ]
    for values in itertools.product(*options):
        kwargs = dict(zip(slots, values, strict=True))
        try:
            url = reverse(name, kwargs=kwargs)
        except Exception:  # noqa: S112 - NoReverseMatch, or a converter refusing the value
            continue
        template = url.replace("{", "{{").replace("}", "}}")
        for slot, value in kwargs.items():
            template = template.replace(value, "{" + slot + "}", 1)
        return template
    return None


def public_endpoints():
    endpoints = {}
    for name, pattern in walk(get_resolver().url_patterns):
        slots = slot_names(pattern)
        template = placeholder_template(name, slots)
        if template is not None and name not in endpoints:
            policy = getattr(pattern.callback, "page_cache", None)
            endpoints[name] = Endpoint(name, template, slots, policy)
    return sorted(endpoints.values(), key=lambda endpoint: endpoint.name)


# Values


NASTY = [
    "",
    " ",
    "..",
    "../../etc/passwd",
    "%00",
    "\x00",
    "a\x00b",
    "\r\nSet-Cookie: x=1",
    "\t\x0b\x0c\x1b[31m",
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "%FF%FE%00",
    "%",
    "%%",
    "%zz",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "\uff13",  # fullwidth 3
    "٣",
    "³",
    "null",
    "[]",
    "{}",
    "true",
    "Phù Vân",
    "PHÙ VÂN",
    "phu van",
    "\u202egnp.exe",
    "\ufeff",
    "\u200b",
    "😀👍🏽",
    "ǅİßﬃ",
    "a" * 256,
    "/",
    "//evil.example/",
    "http://evil.example/",
    "javascript:alert(1)",
    "01/01/0001",
    "31/12/9999",
    "2024-02-30",
    "29/02/2023",
]

FIELD_NAMES = [
    "page",
    "q",
    "category",
    "from",
    "to",
    "comments",
    "comments_page",
    "tra-loi",
    "score",
    "name",
    "email",
    "text",
    "parent",
    "website",
    "show_captcha",
    "captcha_0",
    "captcha_1",
    "csrfmiddlewaretoken",
    "language",
    "next",
    "nv",
    "op",
    "fbclid",
    "utm_source",
]

VALID_SCORES = {"1", "2", "3", "4", "5"}
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]


def huge_text():
    return st.tuples(st.sampled_from("aƯ9%<"), st.integers(1_000, 100_000)).map(
        lambda pair: pair[0] * pair[1]
    )


NUL = st.sampled_from(["\x00", "a\x00b", "%00", "x%00"])


def hostile_text():
    unicode = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
    return st.one_of(st.sampled_from(NASTY), NUL, unicode, huge_text())


def small_hostile_text():
    return st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=("Cs",))))


def pairs():
    key = st.one_of(st.sampled_from(FIELD_NAMES), small_hostile_text())
    return st.lists(st.tuples(key, hostile_text()), max_size=8)


def wsgi_str(data):
    """What a WSGI server puts in the environ for these bytes (PEP 3333: latin-1)."""
    return data.decode("latin-1") if isinstance(data, bytes) else data.encode().decode("latin-1")


def query_strings():
    """The raw QUERY_STRING: encoded pairs, raw bytes (invalid UTF-8 included), too many
    fields, or nothing."""
    many = st.integers(1_001, 1_500).map(lambda count: "&".join(["a=1"] * count))
    return st.one_of(
        st.just(""),
        pairs().map(lambda found: urlencode(found)),
        st.binary(max_size=200).map(wsgi_str),
        many,
    )


@dataclass
class Body:
    content_type: str = ""
    data: bytes = b""
    fields: list = field(default_factory=list)

    def casts_vote(self):
        scores = [value for key, value in self.fields if key == "score"]
        return bool(scores) and scores[-1] in VALID_SCORES


def form_body(found):
    return Body("application/x-www-form-urlencoded", urlencode(found).encode(), found)


def multipart_body(found):
    data = {}
    for key, value in found:
        data.setdefault(key, []).append(value)
    return Body(MULTIPART_CONTENT, encode_multipart(BOUNDARY, data), found)


def raw_body(content_type, data):
    return Body(content_type, data)


def bodies():
    content_types = st.one_of(
        st.sampled_from(
            [
                "application/x-www-form-urlencoded",
                MULTIPART_CONTENT,
                "multipart/form-data",
                "multipart/form-data; boundary=",
                "application/json",
                "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded; charset=invalid-charset",
                "application/x-www-form-urlencoded; charset=utf-16",
            ]
        ),
        small_hostile_text().map(wsgi_str),
    )
    data = st.one_of(st.binary(max_size=300), huge_text().map(str.encode))
    json_data = pairs().map(lambda found: json.dumps(dict(found)).encode())
    return st.one_of(
        st.just(Body()),
        pairs().map(form_body),
        pairs().map(multipart_body),
        st.builds(raw_body, st.just("application/json"), json_data),
        st.builds(raw_body, content_types, data),
    ).filter(lambda body: not body.casts_vote())


def signed_visitor_cookie(value):
    signer = signing.get_cookie_signer(salt=VISITOR_COOKIE + COOKIE_SALT)
    return signer.sign(value)


def cookie_headers():
    cookie_value = small_hostile_text().map(lambda text: quote(text, safe=""))
    named = st.tuples(
        st.sampled_from(
            [
                VISITOR_COOKIE,
                settings.SESSION_COOKIE_NAME,
                settings.CSRF_COOKIE_NAME,
                settings.LANGUAGE_COOKIE_NAME,
                "messages",
            ]
        ),
        cookie_value,
    )
    forged = st.sampled_from(
        [
            "pv=abc:1:def",
            "pv=::",
            "pv=x:zzzzzz:sig",
            "pv=" + "A" * 5000 + ":1:x",
            'pv="abc\\000"',
            'csrftoken="\\000\\377"',
            f'{settings.SESSION_COOKIE_NAME}="abcdefghij\\000kl"',
        ]
    )
    signed = small_hostile_text().map(
        lambda text: f"pv={quote(signed_visitor_cookie(text), safe=':')}"
    )
    structured = st.lists(named, max_size=4).map(
        lambda found: "; ".join(f"{key}={value}" for key, value in found)
    )
    return st.one_of(structured, forged, signed, hostile_text().map(wsgi_str))


def headers():
    """Extra WSGI environ entries; the Host header stays an allowed one."""
    value = hostile_text().map(wsgi_str)
    return st.fixed_dictionaries(
        {},
        optional={
            "HTTP_USER_AGENT": value,
            "HTTP_X_FORWARDED_FOR": st.one_of(
                value, st.sampled_from(["1.2.3.4", "::1, 300.1.1.1", ",,,", "unknown, ::ffff:"])
            ),
            "HTTP_X_FORWARDED_PROTO": st.sampled_from(["https", "http", "gopher", ""]),
            "HTTP_REFERER": value,
            "HTTP_ACCEPT_LANGUAGE": value,
            "HTTP_ACCEPT": st.one_of(value, st.just("application/json")),
            "HTTP_X_REQUESTED_WITH": st.sampled_from(["XMLHttpRequest", "", "x"]),
            "HTTP_X_CSRFTOKEN": value,
            "HTTP_SEC_PURPOSE": st.just("prefetch"),
            "HTTP_IF_NONE_MATCH": value,
            "HTTP_IF_MODIFIED_SINCE": value,
            "HTTP_COOKIE": cookie_headers(),
        },
    )


def hostile_segment():
    """A path parameter: raw (so "%00" and ".." reach the resolver as they are) or quoted."""
    return st.one_of(
        NUL.map(lambda text: quote(text, safe="%")),
        st.sampled_from(NASTY).map(lambda text: quote(text, safe="%.")),
        hostile_text().map(lambda text: quote(text, safe="")),
    )


def resolve_or_none(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


# Sending


def send(client, method, path, query="", body=None, extra=None):
    body = body or Body()
    content_type = body.content_type
    if is_django_charset_crash(query, content_type):
        content_type = content_type.split(";")[0]
    extra = {"CONTENT_TYPE": content_type, **(extra or {})} if content_type else extra or {}
    return client.generic(
        method, path, data=body.data, content_type=content_type, QUERY_STRING=query, **extra
    )


def is_django_charset_crash(query, content_type):
    """Django 5.2 fails while it makes such a request, before any handler. The site's WSGI
    handler (portal/handlers.py) answers 400, as test_fuzz.test_many_query_fields_with_a_charset
    shows through it; the test client makes Django's own request, so it is kept out here."""
    too_many = query.count("&") + 1 > settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return too_many and "charset" in content_type.lower()


class ErrorRecords(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        # Django logs refused suspicious requests (answered 400) at ERROR on purpose.
        if not record.name.startswith("django.security."):
            self.records.append(record)


@contextmanager
def logged_errors():
    """Every record logged at ERROR or above meanwhile, from any logger: the counting
    middlewares log and swallow their exceptions rather than answer 500."""
    handler = ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)


def describe(records):
    return [f"{record.name}: {record.getMessage()[:300]}" for record in records]


# The database


COUNTERS = ["view_count", "rating_sum", "rating_count", "comment_count"]
CAPTCHA_TABLE = "captcha_captchastore"


def count_query():
    tables = sorted({model._meta.db_table for model in apps.get_models()})
    quote_name = connection.ops.quote_name
    columns = ", ".join(
        f"(SELECT COUNT(*) FROM {quote_name(table)})"  # noqa: S608 - names of the models' tables
        for table in tables
    )
    return tables, f"SELECT {columns}"


def snapshot():
    """Row counts of every table, the counters of every article and the statistics rows."""
    from articles.models import Article
    from stats.models import DailyBreakdown, DailyVisits, HourlyVisits

    tables, sql = count_query()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        counts = dict(zip(tables, cursor.fetchone(), strict=True))
    statistics = [
        list(model.objects.order_by("pk").values_list())
        for model in (DailyVisits, HourlyVisits, DailyBreakdown)
    ]
    articles = list(Article.objects.order_by("pk").values_list("pk", *COUNTERS))
    return {"counts": counts, "articles": articles, "statistics": statistics}


def changes(before, after, response=None):
    """What differs between two snapshots, but security codes the response handed out."""
    found = {}
    for table, count in after["counts"].items():
        if count != before["counts"][table]:
            found[table] = (before["counts"][table], count)
    grown = found.get(CAPTCHA_TABLE, (0, 0))
    if response is not None and handed_out(response, grown[1] - grown[0]):
        del found[CAPTCHA_TABLE]
    for part in ("articles", "statistics"):
        if before[part] != after[part]:
            found[part] = (before[part], after[part])
    return found


def handed_out(response, new_codes):
    """Whether the newest codes are in the response (a form to fill in, a refreshed code); a
    HEAD response is the GET one without its body."""
    from captcha.models import CaptchaStore

    if new_codes <= 0 or response.status_code >= 500:
        return False
    if response.request["REQUEST_METHOD"] == "HEAD":
        return response.status_code == 200
    keys = CaptchaStore.objects.order_by("-pk").values_list("hashkey", flat=True)[:new_codes]
    return all(key.encode() in response.content for key in keys)


CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
LIVE_FIGURE = re.compile(rb'(data-stat="\w+">)[^<]*(<)')


def comparable(html):
    """The page without what differs from one reader or moment to the next: the reader's CSRF
    token and the live visitor figures (every request counts)."""
    return LIVE_FIGURE.sub(rb"\1\2", CSRF_VALUE.sub(rb"\1\2", html))


def first_difference(one, other):
    """Where two pages differ, with some context, for an assertion message."""
    at = next((i for i, pair in enumerate(zip(one, other, strict=False)) if len(set(pair)) > 1), 0)
    return one[max(0, at - 150) : at + 80], other[max(0, at - 150) : at + 80]
