"""django-axes' records in the admin with the username first and an "unlock" action."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class LockoutAdmin(AccessAttemptAdmin):
    list_display = ["username", "ip_address", "failures_since_start", "state", "attempt_time"]
    actions = ["unlock", *AccessAttemptAdmin.actions]

    @admin.display(description=_("State"))
    def state(self, obj):
        return self.status(obj)

    @admin.action(
        description=_("Unlock the selected accounts and addresses"), permissions=["delete"]
    )
    def unlock(self, request, queryset):
        count = queryset.count()
        queryset.delete()
        message = ngettext("%(count)d lock removed.", "%(count)d locks removed.", count)
        self.message_user(request, message % {"count": count})


class SignInLogAdmin(AccessLogAdmin):
    list_display = ["username", "attempt_time", "logout_time", "ip_address", "user_agent"]


class FailedSignInLogAdmin(AccessFailureLogAdmin):
    list_display = ["username", "attempt_time", "ip_address", "locked_out", "user_agent"]


for model, model_admin in [
    (AccessAttempt, LockoutAdmin),
    (AccessLog, SignInLogAdmin),
    (AccessFailureLog, FailedSignInLogAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
