"""The demo content of every app, loaded by `manage.py seed_demo` without the command knowing
the apps: each registers, in its AppConfig.ready(), a function that seeds one site."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Seeder:
    label: str  # what the count is of, e.g. "articles"
    seed: object  # (site, *, second_ward: bool) -> how many rows it added
    order: int


_seeders = []


def register(label, seed, order=100):
    """Apps whose demo refers to another's content (comments on articles) seed later: a higher
    `order`."""
    if all(seeder.label != label for seeder in _seeders):
        _seeders.append(Seeder(label, seed, order))
        _seeders.sort(key=lambda seeder: seeder.order)


def seed_site(site, second_ward=False):
    """{label: rows added} for one site, in the registered order."""
    return {seeder.label: seeder.seed(site, second_ward=second_ward) for seeder in _seeders}
