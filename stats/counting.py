"""Counting visitors (to be implemented by the stats counting work)."""


def summary():
    """{"online", "bots", "guests", "members", "today", "month", "total"} right now."""
    raise NotImplementedError
