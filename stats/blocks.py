from django.utils.translation import gettext_lazy as _

from menus import blocks


def register():
    blocks.register_block(
        "statistics",
        _("Statistics"),
        "stats/blocks/statistics.html",
        [blocks.SIDEBAR],
        {blocks.SIDEBAR: 100},
    )
