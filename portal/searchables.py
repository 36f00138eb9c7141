"""What the portal-wide search finds besides articles, without the search page knowing the
apps: each app registers, in its AppConfig.ready(), a function that searches one site.

`search(site, query, limit)` returns at most `limit` SearchResults, best first, in one or two
queries; `depends_on(site)` the cache keys whose versions change with what it searches, so the
cached search page is made again when they do (portal/pagecache.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    text: str  # plain text the search page takes its highlighted excerpt from
    kind: str  # what it is, as readers call it: "Trang", "Văn bản"...
    date: datetime | None = None


@dataclass(frozen=True)
class Searchable:
    label: str
    search: Callable
    depends_on: Callable
    order: int


_searchables = []


def register(label, search, depends_on=lambda site: [], order=100):
    if all(searchable.label != label for searchable in _searchables):
        _searchables.append(Searchable(label, search, depends_on, order))
        _searchables.sort(key=lambda searchable: searchable.order)


def registered():
    return [searchable.label for searchable in _searchables]


def search_all(site, query, limit):
    """[(label, [SearchResult])] of every registered kind that found something."""
    found = ((s.label, s.search(site, query, limit)) for s in _searchables)
    return [(label, results) for label, results in found if results]


def cache_keys(site):
    return [key for searchable in _searchables for key in searchable.depends_on(site)]
