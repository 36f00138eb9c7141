import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup(set_prefix=False)

from portal.handlers import PortalWSGIHandler  # noqa: E402 (needs the settings above)

application = PortalWSGIHandler()
