"""Visitor statistics: the counting middleware, online now and reports (see its issue)."""
