"""A staff member's role on a site, and the permission groups that define each role.

The groups the data migrations made stay the definition of the roles' permissions (edit a group
and every holder of the role on every site has the change); a user's own group memberships
grant nothing (tenancy.backends.SiteRoleBackend).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"
MODERATORS = "Người kiểm duyệt"
SITE_ADMINISTRATORS = "Quản trị trang"


class Role(models.TextChoices):
    EDITOR = "editor", _("editor")
    PUBLISHER = "publisher", _("publisher")
    MODERATOR = "moderator", _("moderator")
    SITE_ADMINISTRATOR = "site_admin", _("site administrator")


ROLE_GROUPS = {
    Role.EDITOR: [EDITORS],
    Role.PUBLISHER: [PUBLISHERS],
    Role.MODERATOR: [MODERATORS],
    Role.SITE_ADMINISTRATOR: [EDITORS, PUBLISHERS, MODERATORS, SITE_ADMINISTRATORS],
}

# The role each group stood for, when group members became members of the first site.
GROUP_ROLES = {EDITORS: Role.EDITOR, PUBLISHERS: Role.PUBLISHER, MODERATORS: Role.MODERATOR}
