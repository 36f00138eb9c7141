"""What a user agent is: a search-engine bot (and which), or a browser on an OS and a device.

Bots are those of the maintained `crawler-user-agents` list (Googlebot, bingbot, coccocbot...)
and whatever portal.visitors calls a bot (no user agent, scripts, headless browsers, Zalo).
Browsers are told apart by a few ordered patterns; results are cached per user agent.
"""

import functools
import re
from typing import NamedTuple

from crawleruseragents import CRAWLER_PATTERNS

from portal.visitors import _is_bot_agent

MAX_AGENT = 512
OTHER = "Other"
TOKEN = re.compile(r"[\w.\-]*")
# One pattern of every listed bot, compiled when the process starts rather than in its first
# request (0.1 s).
CRAWLERS = CRAWLER_PATTERNS.case_sensitive

BROWSERS = [
    ("Cốc Cốc", r"coc_coc_browser"),
    ("Edge", r"Edg(?:e|A|iOS)?/"),
    ("Opera", r"OPR/|Opera"),
    ("Samsung Internet", r"SamsungBrowser"),
    ("Zalo", r"Zalo"),
    ("Facebook", r"FBAN|FBAV"),
    ("UC Browser", r"UCBrowser"),
    ("Firefox", r"Firefox/|FxiOS"),
    ("Chrome", r"Chrome/|CriOS"),
    ("Safari", r"Version/.*Safari/"),
    ("Internet Explorer", r"MSIE |Trident/"),
]
SYSTEMS = [
    ("Windows", r"Windows"),
    ("Android", r"Android"),
    ("iOS", r"iPhone|iPad|iPod"),
    ("ChromeOS", r"CrOS"),
    ("macOS", r"Mac OS X|Macintosh"),
    ("Linux", r"Linux"),
]
DEVICES = [
    ("tablet", r"iPad|Tablet|Android(?!.*Mobi)"),
    ("mobile", r"Mobi|iPhone|iPod|Android"),
]


def _compile(rules):
    return [(name, re.compile(pattern)) for name, pattern in rules]


BROWSER_RULES, SYSTEM_RULES, DEVICE_RULES = map(_compile, (BROWSERS, SYSTEMS, DEVICES))


class Agent(NamedTuple):
    bot: str | None
    browser: str
    os: str
    device: str


def parse(agent):
    return _parse(str(agent or "")[:MAX_AGENT])


@functools.lru_cache(maxsize=4096)
def _parse(agent):
    return Agent(
        bot=bot_name(agent),
        browser=_first(BROWSER_RULES, agent, OTHER),
        os=_first(SYSTEM_RULES, agent, OTHER),
        device=_first(DEVICE_RULES, agent, "desktop"),
    )


def bot_name(agent):
    """The bot's own token (`Googlebot`, `coccocbot-web`), OTHER for an unnamed bot, or None."""
    match = CRAWLERS.search(agent)
    if match is None:
        return OTHER if _is_bot_agent(agent) else None
    start = match.start()
    while start > 0 and TOKEN.fullmatch(agent[start - 1]):
        start -= 1
    name = TOKEN.match(agent, start).group().strip(".-_")
    return name[:40] or OTHER


def _first(rules, agent, default):
    return next((name for name, pattern in rules if pattern.search(agent)), default)
