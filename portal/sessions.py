"""Database sessions that refuse a session key with a NUL character.

A cookie can carry one (`sessionid="a\\000b"` is plain ASCII that Python's cookie parser turns
into NUL), and PostgreSQL refuses NUL in text: the lookup raised DataError, a 500 on any page.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseStore


class SessionStore(DatabaseStore):
    def _validate_session_key(self, key):
        return super()._validate_session_key(key) and "\x00" not in key
