"""The blocks the home page and the sidebar may show, registered by the apps that make them.

`register_block(name, label, template, areas, defaults)` in an AppConfig.ready(): `template` is
rendered with the page's context plus `block_option` (the placement's option, e.g. a category
key, "" for none); `defaults` gives the block's place in an area's default layout ({"home": 10}),
used while a site has saved no layout for that area; `options(site)` -> [(key, label)] lists
what the option may be (None: the block takes none).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

HOME = "home"
SIDEBAR = "sidebar"


@dataclass(frozen=True)
class Block:
    name: str
    label: str
    template: str
    areas: tuple
    defaults: dict = field(default_factory=dict)
    options: Callable | None = None


_blocks = {}


def register_block(name, label, template, areas=(HOME, SIDEBAR), defaults=None, options=None):
    _blocks[name] = Block(name, label, template, tuple(areas), dict(defaults or {}), options)


def block(name):
    return _blocks.get(name)


def blocks_for(area):
    return [found for found in _blocks.values() if area in found.areas]


def default_layout(area):
    """[(block name, option)] of an area that a site has not laid out."""
    placed = [found for found in blocks_for(area) if area in found.defaults]
    placed.sort(key=lambda found: (found.defaults[area], found.name))
    return [(found.name, "") for found in placed]
