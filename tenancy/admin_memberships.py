"""Staff roles per site in the admin: on the accounts (province administrators), on the sites,
and a list of the roles of the request's site for its site administrators."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef

from .models import Membership

User = get_user_model()


def staff_accounts(request=None):
    """Active staff accounts; for a site administrator, those of their own site and those with
    no role anywhere yet (another site's staff are none of theirs)."""
    accounts = User._default_manager.filter(is_active=True, is_staff=True).order_by("username")
    if request is None or request.user.is_superuser:
        return accounts
    own = Membership.objects.filter(user=OuterRef("pk"), site=request.site)
    elsewhere = Membership.objects.filter(user=OuterRef("pk")).exclude(site=request.site)
    return accounts.filter(Exists(own) | ~Exists(elsewhere))


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = staff_accounts(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SiteMembershipForm(forms.ModelForm):
    """The form of a site administrator, whose roles are always on their own site: the site is
    no field, and the one-role-per-site rule is still checked before saving."""

    own_site = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.own_site is not None:
            self.instance.site = self.own_site

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("site")
        return exclusions


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """A province administrator sees every site's roles; a site administrator only those of the
    site whose admin they are in, and gives roles on it only."""

    form = SiteMembershipForm
    list_display = ["user", "site", "role"]
    list_filter = ["role", "site"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "site"]

    def get_queryset(self, request):
        memberships = super().get_queryset(request)
        if request.user.is_superuser:
            return memberships
        return memberships.filter(site=request.site)

    def get_list_filter(self, request):
        return self.list_filter if request.user.is_superuser else ["role"]

    def get_fields(self, request, obj=None):
        return ["user", "site", "role"] if request.user.is_superuser else ["user", "role"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not request.user.is_superuser:
            form.own_site = request.site
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = staff_accounts(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class StaffUserAdmin(UserAdmin):
    """Django's, with the account's roles per site in place of its groups (which no longer grant
    anything: tenancy.backends.SiteRoleBackend)."""

    inlines = [MembershipInline]
    list_filter = ["is_staff", "is_superuser", "is_active", "memberships__site"]
    fieldsets = [
        (name, {**options, "fields": [f for f in options["fields"] if f != "groups"]})
        for name, options in UserAdmin.fieldsets
    ]


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
