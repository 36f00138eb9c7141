"""Security codes that are easy to read and type on a phone."""

import secrets

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: letters a reader would confuse in a distorted image.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"


def readable_challenge():
    from django.conf import settings

    code = "".join(secrets.choice(ALPHABET) for _ in range(settings.CAPTCHA_LENGTH))
    return code, code
