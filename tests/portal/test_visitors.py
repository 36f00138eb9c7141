import time
from datetime import date

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from portal import visitors
from portal.visitors import VisitorCookieMiddleware, client_ip, is_bot, visitor_keys


def visitor_key(request):
    """The key the visitor is known by first."""
    return visitor_keys(request)[0]


BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1) Chrome/126",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (compatible; Zalobot/1.0)",
    "TelegramBot (like TwitterBot)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/126.0 Safari/537.36",
    "curl/8.5.0",
    "Wget/1.21.4",
    "python-requests/2.32.3",
    "",
]
PEOPLE = [
    BROWSER,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Mobile/15E148 Zalo iOS/458 ZaloTheme/light ZaloLanguage/vi",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "coc_coc_browser/117.0.226 Chrome/111.0.5563.226 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Mobile Safari/537.36",
]

rf = RequestFactory()


def get(path="/", agent=BROWSER, ip="203.0.113.7", **headers):
    return rf.get(path, HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, **headers)


def signed_cookie(visitor_id, age=0):
    """The cookie value the middleware would have set `age` seconds ago."""
    response, now = HttpResponse(), time.time()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: now - age)
        response.set_signed_cookie(visitors.VISITOR_COOKIE, visitor_id, salt=visitors.COOKIE_SALT)
    return response.cookies[visitors.VISITOR_COOKIE].value


def with_cookie(request, value):
    request.COOKIES[visitors.VISITOR_COOKIE] = value
    return request


def serve(request, response=None):
    middleware = VisitorCookieMiddleware(lambda request: response or HttpResponse("<p>trang</p>"))
    return middleware(request)


@pytest.mark.parametrize("agent", BOTS)
def test_bots_are_recognised(agent):
    assert is_bot(get(agent=agent))


@pytest.mark.parametrize("agent", PEOPLE)
def test_browsers_are_people(agent):
    assert not is_bot(get(agent=agent))


def test_the_middleware_gives_a_reader_a_signed_cookie():
    cookie = serve(get()).cookies[visitors.VISITOR_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 3600
    key = visitor_key(with_cookie(get(), cookie.value))
    assert key.startswith("c:")
    assert len(key) > 20
    assert key != visitor_key(with_cookie(get(), serve(get()).cookies["pv"].value))


def test_the_cookie_is_secure_when_session_cookies_are(settings):
    settings.SESSION_COOKIE_SECURE = True
    assert serve(get()).cookies[visitors.VISITOR_COOKIE]["secure"]


@pytest.mark.parametrize(
    ("request_", "response"),
    [
        (get(agent=BOTS[0]), None),
        (rf.post("/", HTTP_USER_AGENT=BROWSER), None),
        (get(), HttpResponse("ok", content_type="text/plain")),
        (get(), HttpResponse("<p>không có</p>", status=404)),
        (with_cookie(get(), signed_cookie("abc")), None),
    ],
    ids=["bot", "post", "not-html", "error-page", "has-cookie"],
)
def test_no_cookie_where_it_does_not_belong(request_, response):
    assert visitors.VISITOR_COOKIE not in serve(request_, response).cookies


def test_a_tampered_cookie_is_ignored_and_replaced():
    tampered = signed_cookie("abc").replace("abc", "xyz")
    request = with_cookie(get(), tampered)
    assert visitor_key(request) == visitor_key(get())
    assert visitors.VISITOR_COOKIE in serve(request).cookies


def test_the_cookie_identifies_the_visitor_anywhere():
    cookie = signed_cookie("abc", age=7200)
    at_home = with_cookie(get(ip="203.0.113.7"), cookie)
    on_the_bus = with_cookie(get(ip="198.51.100.20", agent=PEOPLE[1]), cookie)
    assert visitor_key(at_home) == visitor_key(on_the_bus) == "c:abc"
    assert visitors.visitor_keys(at_home) == ("c:abc",)


def test_a_new_cookie_keeps_the_cookieless_key_for_an_hour():
    cookieless = visitor_key(get())
    assert visitors.visitor_keys(with_cookie(get(), signed_cookie("abc", age=60))) == (
        "c:abc",
        cookieless,
    )


def test_the_cookieless_key_is_stable_within_a_day(monkeypatch):
    monkeypatch.setattr(visitors.timezone, "localdate", lambda: date(2025, 3, 1))
    morning = visitor_key(get())
    assert visitor_key(get()) == morning
    assert morning.startswith("h:")
    assert "203.0.113.7" not in morning
    assert visitor_key(get(ip="203.0.113.8")) != morning
    assert visitor_key(get(agent=PEOPLE[1])) != morning
    monkeypatch.setattr(visitors.timezone, "localdate", lambda: date(2025, 3, 2))
    assert visitor_key(get()) != morning


def test_client_ip_without_proxies_ignores_forwarded_headers(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0
    request = get(ip="203.0.113.7", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.20", "198.51.100.20"),
        (1, "1.2.3.4, 198.51.100.20", "198.51.100.20"),
        (1, "1.2.3.4,5.6.7.8,  198.51.100.20 ", "198.51.100.20"),
        (2, "1.2.3.4, 198.51.100.20, 192.0.2.1", "198.51.100.20"),
        (2, "198.51.100.20", "198.51.100.20"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "1.2.3.4, không-phải-ip", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_ip_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXY_COUNT = proxies
    request = get(ip="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_a_forged_forwarded_header_does_not_change_the_visitor(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    honest = get(ip="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    forged = get(ip="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20")
    assert visitor_key(forged) == visitor_key(honest)
