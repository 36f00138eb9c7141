"""Counting article views through the buffered counters of portal/counters.py."""


def record_view(request, article):
    """Count one view of `article` by this visitor (to be implemented)."""
