"""What a menu item may point to, without the menus app knowing any content app.

Content apps register, in their AppConfig.ready():

- a kind of target (`register_kind`): rows of theirs a menu item may point to (a category, a
  page), offered to staff by `choices(site)` and turned into addresses by `url(site, key)`
  (or `urls(site, keys)`, all at once); `models` are the models whose changes may change those
  addresses (the site's menus are then made again); `lookup(site, slug)` finds a key by slug
  (for demo content); `next_change(site, now)` says when a target appears or goes by itself
  (a page scheduled for later), so the menus are not kept past it;
- a list of the portal (`register_list`): a page with no row behind it (home, search, the
  documents list) by URL name or path;
- the default items (`register_default`) a site's header shows while it has no menu of its
  own, and a new site's first menu is made of.

A key that no longer resolves (a deleted category, an unpublished page) gives None: the item is
hidden, never an error.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

LIST = "list"
URL = "url"


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    choices: Callable  # (site) -> [(key, label)]
    urls: Callable  # (site, keys) -> {key: url}
    models: tuple = ()
    lookup: Callable | None = None  # (site, slug) -> key or None
    next_change: Callable | None = None  # (site, now) -> when a target next appears or goes


@dataclass(frozen=True)
class Destination:
    key: str
    label: str
    url: str  # a URL name ("articles:home") or a path ("/van-ban/")

    def address(self):
        if self.url.startswith("/"):
            return self.url
        try:
            return reverse(self.url)
        except NoReverseMatch:
            return None


@dataclass
class Spec:
    """A menu item before it is a row: for default menus and demo content."""

    label: str
    kind: str = ""
    target: str = ""
    url: str = ""
    children: list = field(default_factory=list)


_kinds = {}
_lists = {}
_defaults = []
_watchers = []


def one_by_one(url):
    return lambda site, keys: {key: url(site, key) for key in keys}


def register_kind(
    key, label, choices, url=None, *, urls=None, models=(), lookup=None, next_change=None
):
    if key in (LIST, URL):
        raise ValueError(f"{key!r} is reserved")
    resolve_all = urls or one_by_one(url)
    _kinds[key] = Kind(key, label, choices, resolve_all, tuple(models), lookup, next_change)
    for watcher in _watchers:
        for model in models:
            watcher(model)


def watch_models(watcher):
    """`watcher(model)` for each model of the kinds registered, now and later."""
    _watchers.append(watcher)
    for model in watched_models():
        watcher(model)


def register_list(key, label, url):
    _lists[key] = Destination(key, label, url)


def register_default(build):
    """`build(site)` -> [Spec]: items of a header menu made from the site's content."""
    if build not in _defaults:
        _defaults.append(build)


def kinds():
    return dict(_kinds)


def kind(key):
    return _kinds.get(key)


def lists():
    return dict(_lists)


def default_items(site):
    return [spec for build in _defaults for spec in build(site)]


def lookup(kind_key, site, slug):
    found = _kinds.get(kind_key)
    return found.lookup(site, slug) if found and found.lookup else None


def next_change(site, now):
    """The soonest time a registered target appears or goes by itself (a scheduled page)."""
    found = [kind.next_change(site, now) for kind in _kinds.values() if kind.next_change]
    found = [moment for moment in found if moment]
    return min(found) if found else None


def watched_models():
    return {model for found in _kinds.values() for model in found.models}


def resolve(site, targets):
    """{(kind, key): url or None} for the given (kind, key) pairs: one call per kind."""
    by_kind = {}
    for kind_key, key in targets:
        by_kind.setdefault(kind_key, set()).add(key)
    found = {}
    for kind_key, keys in by_kind.items():
        if kind_key == LIST:
            addresses = {key: _lists[key].address() if key in _lists else None for key in keys}
        elif kind_key in _kinds:
            addresses = _kinds[kind_key].urls(site, sorted(keys))
        else:
            addresses = {}
        found.update({(kind_key, key): addresses.get(key) for key in keys})
    return found
