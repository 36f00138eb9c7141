"""Reader comments, the security code and moderation (see the "Reader comments" issue)."""
