from django import template

from ..blocks import block_context
from ..models import Poll

register = template.Library()


@register.inclusion_tag("polls/blocks/poll_block.html", takes_context=True)
def poll_block(context):
    """The block's poll as every reader sees it: the form, or the note that it is closed.
    Whether this reader answered, and the results, come from the poll script."""
    found = block_context(context.get("request"), context.get("block_option"))
    poll = found and found["poll"]
    shown = context.get("poll")  # the poll's own page does not show it twice
    if not poll or (isinstance(shown, Poll) and shown.pk == poll.pk):
        return {"poll": None}
    return {
        "poll": poll,
        "choices": found["choices"],
        "status": poll.status(),
        "voted": False,
        "rows": None,
        "area": context.get("block_area") or "block",
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
