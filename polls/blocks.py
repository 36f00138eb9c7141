"""The poll block of the home page and the sidebar, and the polls list for menus."""

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from menus import blocks, registry
from portal.pagecache import current_version, keep_until

from .caching import next_change, seconds_until, version_key
from .models import Poll

BLOCK_SECONDS = 3600


def poll_options(site):
    """The block shows the current poll, or one chosen poll."""
    chosen = Poll.objects.for_site(site).published().in_order().values_list("slug", "question")
    return [("", _("The current poll")), *chosen]


def shown_poll(site, option, now):
    polls = Poll.objects.for_site(site).published()
    if option:
        return polls.filter(slug=option, opens_at__lte=now).first()
    return polls.open(now).in_order().first()


def block_poll(site, option):
    """(poll, its choices) the block shows, or None; cached until the site's polls change or one
    opens or closes."""
    key = f"polls:block:{site.pk}:{current_version(version_key(site.pk))}:{option}"
    found = cache.get(key)
    if found is None:
        poll = shown_poll(site, option, timezone.now())
        found = {"poll": poll, "choices": list(poll.choices.all()) if poll else []}
        cache.set(key, found, seconds_until(next_change(site.pk), BLOCK_SECONDS))
    return found


def block_context(request, option):
    site = getattr(request, "site", None) if request is not None else None
    if site is None:
        return None
    moment = next_change(site.pk)
    if moment is not None:
        keep_until(request, moment)
    return block_poll(site, option or "")


def register():
    registry.register_list("polls", _("Polls"), "polls:index")
    blocks.register_block(
        "poll",
        _("Poll"),
        "polls/blocks/poll.html",
        defaults={blocks.SIDEBAR: 25},
        options=poll_options,
    )
